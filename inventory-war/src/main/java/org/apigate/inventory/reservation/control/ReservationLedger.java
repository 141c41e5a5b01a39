package org.apigate.inventory.reservation.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.apigate.common.persistence.Constraints;
import org.apigate.inventory.reservation.entity.Reservation;
import org.apigate.inventory.reservation.entity.ReservationForm;
import org.apigate.inventory.reservation.entity.ReservationLine;
import org.apigate.inventory.reservation.entity.ReservationView;
import org.apigate.inventory.stock.control.StockLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores reservations and holds or gives back their stock, each call one transaction. */
@Stateless
public class ReservationLedger {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Inject
    StockLedger stock;

    public Optional<ReservationView> find(String id) {
        return Optional.ofNullable(em.find(Reservation.class, id)).map(Reservation::view);
    }

    /** A page of reservations by id, all of them or those with a line of {@code sku} (when not null). */
    public List<ReservationView> list(String sku, int limit, int offset) {
        var query = sku == null
                ? em.createNamedQuery(Reservation.ALL, Reservation.class)
                : em.createNamedQuery(Reservation.OF_SKU, Reservation.class).setParameter("sku", sku);
        return query.setFirstResult(offset).setMaxResults(limit).getResultStream().map(Reservation::view).toList();
    }

    public long count(String sku) {
        var query = sku == null
                ? em.createNamedQuery(Reservation.COUNT, Long.class)
                : em.createNamedQuery(Reservation.COUNT_OF_SKU, Long.class).setParameter("sku", sku);
        return query.getSingleResult();
    }

    /**
     * Inserts the reservation first, so a concurrent request with the same id waits on the primary key and loses
     * ({@link ReservationIdTaken}) before it touches any stock. Then tries every line in sku order, also after a
     * short one, so that the refusal names all short SKUs; if any is short, gives back the lines held (their rows
     * stay locked by this transaction, so nobody saw them held) and commits the reservation as REJECTED.
     */
    public ReservationView reserve(ReservationForm form) {
        Reservation reservation = Reservation.of(form);
        em.persist(reservation);
        flushNew(form.id());
        List<ReservationLine> held = new ArrayList<>();
        List<String> shortSkus = new ArrayList<>();
        for (ReservationLine line : reservation.lines()) {
            if (stock.hold(line.sku(), line.quantity())) {
                held.add(line);
            } else {
                shortSkus.add(line.sku());
            }
        }
        if (!shortSkus.isEmpty()) {
            held.forEach(line -> stock.giveBack(line.sku(), line.quantity()));
            reservation.reject(shortSkus);
        }
        return reservation.view();
    }

    /**
     * Gives a RESERVED reservation's stock back and marks it RELEASED; the row lock makes a concurrent second
     * release find it RELEASED and do nothing. An unknown id gets a RELEASED tombstone. A REJECTED reservation
     * holds nothing and stays REJECTED, so a repeat of its request still answers the original refusal.
     */
    public void release(String id) {
        Reservation reservation = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (reservation == null) {
            em.persist(Reservation.tombstone(id));
            flushNew(id);
            return;
        }
        if (reservation.holdsStock()) {
            reservation.lines().forEach(line -> stock.giveBack(line.sku(), line.quantity()));
            reservation.release();
        }
    }

    private void flushNew(String id) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            throw new ReservationIdTaken(id);
        }
    }
}
