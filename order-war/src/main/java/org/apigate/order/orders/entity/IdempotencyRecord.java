package org.apigate.order.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Which order an {@code Idempotency-Key} stands for, and the fingerprint of the request that first used it. A key
 * belongs to the caller who sent it (the token's subject): the primary key is (subject, key), so of two concurrent
 * first uses by one caller exactly one can commit, and two callers never share a key.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    /** The primary key: whose key, and the key (a class as JPA wants it: public, no-argument constructor). */
    public static class Key implements Serializable {

        private String subject;
        private String key;

        public Key() {
            // for JPA
        }

        public Key(String subject, String key) {
            this.subject = subject;
            this.key = key;
        }

        public String subject() {
            return subject;
        }

        public String key() {
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(subject, that.subject) && Objects.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, key);
        }
    }

    @Id
    private String subject;
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

    public IdempotencyRecord(Key id, String fingerprint, String orderId) {
        this.subject = id.subject();
        this.key = id.key();
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
