package org.apigate.order.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Which order an {@code Idempotency-Key} stands for, and the fingerprint of the request that first used it. Its
 * primary key is the key itself, so of two concurrent first uses exactly one can commit.
 */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord {

    @Id
    @Column(name = "idem_key")
    private String key;
    private String fingerprint;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected IdempotencyRecord() {
        // for JPA
    }

    public IdempotencyRecord(String key, String fingerprint, String orderId) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.orderId = orderId;
        this.createdAt = Instant.now();
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String orderId() {
        return orderId;
    }

    /** The previous attempt under this key FAILED; the key now stands for the new attempt. */
    public void retriedAs(String newOrderId) {
        this.orderId = newOrderId;
    }
}
