CREATE TABLE users (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT users_username_unique UNIQUE (username),
    CONSTRAINT users_email_unique UNIQUE (email)
);
