-- Orders are never deleted: REJECTED and FAILED ones stay for audit next to the CONFIRMED and CANCELLED ones.
CREATE TABLE orders (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id         VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(500),
    short_skus      VARCHAR(6600),
    release_pending BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    version         BIGINT        NOT NULL
);
CREATE INDEX orders_user_created ON orders (user_id, created_at);
CREATE INDEX orders_created ON orders (created_at);
CREATE INDEX orders_release_pending ON orders (release_pending);

CREATE TABLE order_lines (
    order_id VARCHAR(36) NOT NULL,
    line_no  INTEGER     NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    quantity INTEGER     NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

-- One row per Idempotency-Key: the primary key makes two concurrent requests with one key produce one order.
-- order_id moves to a new attempt only when the previous one FAILED.
CREATE TABLE idempotency_keys (
    idem_key    VARCHAR(128) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    order_id    VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT idempotency_keys_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
