package org.apigate.order.orders.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.apigate.common.persistence.Constraints;
import org.apigate.common.problem.Problem;
import org.apigate.common.problem.ProblemException;
import org.apigate.order.orders.entity.IdempotencyRecord;
import org.apigate.order.orders.entity.Order;
import org.apigate.order.orders.entity.OrderForm;
import org.apigate.order.orders.entity.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and writes orders, one short transaction per call, so no transaction is ever open while another service is
 * called. Every change of state locks the row first: concurrent cancels, or the saga and the retry timer, see each
 * other's result instead of overwriting it.
 */
@Stateless
public class OrderBook {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    /**
     * Writes a new PENDING order and, with an Idempotency-Key, claims the caller's key for it: a new key, or one
     * whose previous attempt {@code failedAttempt} FAILED. Throws {@link KeyInUseException} when another request of
     * the same caller got the key first; the order row is then rolled back with it.
     */
    public Order open(OrderForm form, IdempotencyRecord.Key key, String fingerprint, String failedAttempt) {
        Order order = new Order(form);
        em.persist(order);
        em.flush();
        if (key != null) {
            claim(key, fingerprint, order.id(), failedAttempt);
        }
        return order;
    }

    private void claim(IdempotencyRecord.Key key, String fingerprint, String orderId, String failedAttempt) {
        if (failedAttempt != null) {
            IdempotencyRecord record = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (record == null || !record.orderId().equals(failedAttempt)) {
                throw new KeyInUseException(key.key());
            }
            record.retriedAs(orderId);
            return;
        }
        try {
            em.persist(new IdempotencyRecord(key, fingerprint, orderId));
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            throw new KeyInUseException(key.key());
        }
    }

    /** The order the caller's key stands for, if the caller used it before. */
    public Optional<KeyedOrder> underKey(IdempotencyRecord.Key key) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, key))
                .map(record -> new KeyedOrder(record.fingerprint(), em.find(Order.class, record.orderId())));
    }

    public Order find(String id) {
        Order order = em.find(Order.class, id);
        if (order == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No order with id " + id + "."));
        }
        return order;
    }

    public Order confirm(String id) {
        return settle(id, Order::confirm);
    }

    public Order reject(String id, List<String> shortSkus) {
        return settle(id, order -> order.reject(shortSkus));
    }

    public Order fail(String id, String reason, boolean mayHoldReservation) {
        return settle(id, order -> order.fail(reason, mayHoldReservation));
    }

    public Order released(String id) {
        return change(id, Order::released);
    }

    /** Cancels a CONFIRMED order; an order already CANCELLED stays as it is, so cancelling is idempotent. */
    public Order cancel(String id) {
        return change(id, order -> {
            if (order.status() != OrderStatus.CANCELLED) {
                order.cancel();
            }
        });
    }

    /**
     * Settles a PENDING order. One that is settled already is returned as it is: only the timer settles an order
     * besides its saga, when it gave up on a saga that ran far too long (or died).
     */
    private Order settle(String id, Consumer<Order> transition) {
        return change(id, order -> {
            if (order.status() == OrderStatus.PENDING) {
                transition.accept(order);
            }
        });
    }

    private Order change(String id, Consumer<Order> transition) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new IllegalStateException("Order " + id + " vanished");
        }
        transition.accept(order);
        return order;
    }

    public List<Order> list(String userId, int limit, int offset) {
        var query = userId == null
                ? em.createNamedQuery(Order.ALL, Order.class)
                : em.createNamedQuery(Order.OF_USER, Order.class).setParameter("userId", userId);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(String userId) {
        var query = userId == null
                ? em.createNamedQuery(Order.COUNT, Long.class)
                : em.createNamedQuery(Order.COUNT_OF_USER, Long.class).setParameter("userId", userId);
        return query.getSingleResult();
    }

    /** Ids of FAILED orders whose reservation may still exist in inventory, oldest first. */
    public List<String> releasesPending(int max) {
        return em.createNamedQuery(Order.RELEASE_PENDING, String.class).setMaxResults(max).getResultList();
    }

    /** Ids of orders PENDING since before {@code before}: their saga cannot still be running. */
    public List<String> pendingSince(Instant before, int max) {
        return em.createNamedQuery(Order.PENDING_BEFORE, String.class).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }
}
