package org.apigate.order.orders.entity;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An order and its state machine. Every change goes through a transition that {@link OrderStatus} allows, so a bug
 * elsewhere cannot, say, confirm a cancelled order. The entity is named {@code CustomerOrder} because ORDER is a
 * reserved word in JPQL.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
@NamedQuery(name = Order.ALL, query = "SELECT o FROM CustomerOrder o ORDER BY o.createdAt, o.id",
        hints = {@QueryHint(name = Order.BATCH, value = "o.lines"), @QueryHint(name = Order.BATCH_TYPE, value = "IN")})
@NamedQuery(name = Order.COUNT, query = "SELECT COUNT(o) FROM CustomerOrder o")
@NamedQuery(name = Order.OF_USER,
        query = "SELECT o FROM CustomerOrder o WHERE o.userId = :userId ORDER BY o.createdAt, o.id",
        hints = {@QueryHint(name = Order.BATCH, value = "o.lines"), @QueryHint(name = Order.BATCH_TYPE, value = "IN")})
@NamedQuery(name = Order.COUNT_OF_USER, query = "SELECT COUNT(o) FROM CustomerOrder o WHERE o.userId = :userId")
@NamedQuery(name = Order.RELEASE_PENDING,
        query = "SELECT o.id FROM CustomerOrder o WHERE o.releasePending = TRUE ORDER BY o.updatedAt, o.id")
@NamedQuery(name = Order.PENDING_BEFORE, query = "SELECT o.id FROM CustomerOrder o"
        + " WHERE o.status = org.apigate.order.orders.entity.OrderStatus.PENDING AND o.createdAt < :before"
        + " ORDER BY o.createdAt, o.id")
public class Order {

    public static final String ALL = "Order.all";
    public static final String COUNT = "Order.count";
    public static final String OF_USER = "Order.ofUser";
    public static final String COUNT_OF_USER = "Order.countOfUser";
    public static final String RELEASE_PENDING = "Order.releasePending";
    public static final String PENDING_BEFORE = "Order.pendingBefore";

    /**
     * EclipseLink hints: load the lines of a whole page in one extra query (IN, which respects the page limit)
     * instead of one query per order. Other providers ignore them.
     */
    static final String BATCH = "eclipselink.batch";
    static final String BATCH_TYPE = "eclipselink.batch.type";

    private static final String SKU_SEPARATOR = ",";

    @Id
    private String id;
    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private String reason;
    @Column(name = "short_skus")
    private String shortSkus;
    @Column(name = "release_pending")
    private boolean releasePending;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    /** A new order, PENDING until inventory has answered. */
    public Order(OrderForm form) {
        this.id = UUID.randomUUID().toString();
        this.userId = form.userId();
        this.status = OrderStatus.PENDING;
        this.createdAt = now();
        this.updatedAt = createdAt;
        form.lines().forEach(line -> lines.add(new OrderLine(line)));
    }

    public void confirm() {
        moveTo(OrderStatus.CONFIRMED);
    }

    /** Out of stock: inventory reserved nothing, so nothing is to be released. */
    public void reject(List<String> skusShort) {
        moveTo(OrderStatus.REJECTED);
        this.shortSkus = String.join(SKU_SEPARATOR, skusShort);
        this.reason = "Not enough stock for " + String.join(", ", skusShort) + ".";
    }

    /**
     * Inventory could not be reached. When the reservation may have been made, it is marked for release first and
     * released afterwards, so a crash in between still leaves the marker for the retry timer.
     */
    public void fail(String why, boolean mayHoldReservation) {
        moveTo(OrderStatus.FAILED);
        this.reason = why;
        this.releasePending = mayHoldReservation;
    }

    public void released() {
        this.releasePending = false;
        this.updatedAt = now();
    }

    public void cancel() {
        moveTo(OrderStatus.CANCELLED);
    }

    private void moveTo(OrderStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("Order " + id + " cannot go from " + status + " to " + target);
        }
        this.status = target;
        this.updatedAt = now();
    }

    /** Millisecond precision, which every database keeps exactly: the order reads back as it was first answered. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    /** The user whose order it is: only that customer (or an admin) may see or cancel it. */
    public String userId() {
        return userId;
    }

    public OrderStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean releasePending() {
        return releasePending;
    }

    public List<String> shortSkus() {
        return shortSkus == null ? List.of() : Arrays.asList(shortSkus.split(SKU_SEPARATOR));
    }

    public List<Line> lines() {
        return lines.stream().map(OrderLine::line).toList();
    }

    public OrderView view() {
        return new OrderView(id, userId, lines(), status, createdAt, reason,
                status == OrderStatus.FAILED ? releasePending : null);
    }
}
