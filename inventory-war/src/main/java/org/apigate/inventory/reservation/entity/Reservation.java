package org.apigate.inventory.reservation.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A reservation and its outcome. Lines are kept in sku order, the order in which stock is held and given back.
 * Its id is the primary key, so an id is used once, whatever the concurrency.
 */
@Entity
@Table(name = "reservations")
@NamedQuery(name = Reservation.ALL, query = "SELECT r FROM Reservation r ORDER BY r.id")
@NamedQuery(name = Reservation.COUNT, query = "SELECT COUNT(r) FROM Reservation r")
// a reservation has at most one line per sku (the lines' primary key), so the joins yield each reservation once
@NamedQuery(name = Reservation.OF_SKU,
        query = "SELECT r FROM Reservation r JOIN r.lines l WHERE l.sku = :sku ORDER BY r.id")
@NamedQuery(name = Reservation.COUNT_OF_SKU,
        query = "SELECT COUNT(r) FROM Reservation r JOIN r.lines l WHERE l.sku = :sku")
public class Reservation {

    public static final String ALL = "Reservation.all";
    public static final String COUNT = "Reservation.count";
    public static final String OF_SKU = "Reservation.ofSku";
    public static final String COUNT_OF_SKU = "Reservation.countOfSku";

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private ReservationStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderBy("sku")
    private List<ReservationLine> lines = new ArrayList<>();

    protected Reservation() {
        // for JPA
    }

    private Reservation(String id, ReservationStatus status, List<ReservationLine> lines) {
        this.id = id;
        this.status = status;
        this.lines = new ArrayList<>(lines);
        // milliseconds, so the first answer and every repeat (read from a TIMESTAMP column) show the same instant
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A reservation about to hold its lines, counted as RESERVED until a line turns out short. */
    public static Reservation of(ReservationForm form) {
        return new Reservation(form.id(), ReservationStatus.RESERVED, form.lines().stream()
                .sorted(Comparator.comparing(Line::sku)).map(ReservationLine::new).toList());
    }

    /** Marks an id released that was never reserved here, so that a late request with it is refused. */
    public static Reservation tombstone(String id) {
        return new Reservation(id, ReservationStatus.RELEASED, List.of());
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }

    public boolean holdsStock() {
        return status == ReservationStatus.RESERVED;
    }

    /** Records that nothing is held because the lines of {@code shortSkus} were short. */
    public void reject(Collection<String> shortSkus) {
        status = ReservationStatus.REJECTED;
        lines.stream().filter(line -> shortSkus.contains(line.sku())).forEach(ReservationLine::markShort);
    }

    public void release() {
        status = ReservationStatus.RELEASED;
    }

    public ReservationView view() {
        List<String> shortSkus = status == ReservationStatus.REJECTED
                ? lines.stream().filter(ReservationLine::isShort).map(ReservationLine::sku).toList()
                : null;
        return new ReservationView(id, status, lines.stream().map(ReservationLine::view).toList(), createdAt,
                shortSkus);
    }
}
