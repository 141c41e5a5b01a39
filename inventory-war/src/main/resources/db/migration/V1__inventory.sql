-- Plain SQL that H2 2.2 and PostgreSQL 15 both run.

-- available is the free stock, reserved what reservations hold. Reservations move stock with conditional UPDATEs;
-- the CHECKs are the last line of defence: whatever the code does, stock never goes negative.
CREATE TABLE items (
    sku       VARCHAR(64)  NOT NULL PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    available BIGINT       NOT NULL,
    reserved  BIGINT       NOT NULL,
    CONSTRAINT items_available_not_negative CHECK (available >= 0),
    CONSTRAINT items_reserved_not_negative CHECK (reserved >= 0)
);

-- The primary key makes a reservation id usable once: of two concurrent requests with one id, only one inserts.
CREATE TABLE reservations (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT reservations_status_known CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED'))
);

-- No foreign key to items: a rejected reservation records the unknown SKUs it asked for, too.
CREATE TABLE reservation_lines (
    reservation_id VARCHAR(64) NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    quantity       INTEGER     NOT NULL,
    short_of_stock BOOLEAN     NOT NULL,
    CONSTRAINT reservation_lines_pk PRIMARY KEY (reservation_id, sku),
    CONSTRAINT reservation_lines_reservation_fk FOREIGN KEY (reservation_id) REFERENCES reservations (id),
    CONSTRAINT reservation_lines_quantity_positive CHECK (quantity > 0)
);
