-- An Idempotency-Key belongs to the caller that sent it (the token's sub): one customer's key no longer collides with
-- another's. The key's table is rebuilt with the primary key (subject, idem_key), portably for H2 and PostgreSQL
-- (their names for V1's unnamed primary key differ, so it is not altered in place).
--
-- Existing keys get the user id of the order they stand for as their subject: until now only a customer's own
-- orders could be placed through the gateway with its key (sub = userId), so that is who sent them; a key an admin
-- sent for someone else's order then counts as that customer's, and the admin's retry of it places anew.
CREATE TABLE idempotency_keys_per_caller (
    subject     VARCHAR(255) NOT NULL,
    idem_key    VARCHAR(128) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    order_id    VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT idempotency_keys_caller_pk PRIMARY KEY (subject, idem_key),
    CONSTRAINT idempotency_keys_caller_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

INSERT INTO idempotency_keys_per_caller (subject, idem_key, fingerprint, order_id, created_at)
SELECT o.user_id, k.idem_key, k.fingerprint, k.order_id, k.created_at
FROM idempotency_keys k JOIN orders o ON o.id = k.order_id;

DROP TABLE idempotency_keys;

ALTER TABLE idempotency_keys_per_caller RENAME TO idempotency_keys;
