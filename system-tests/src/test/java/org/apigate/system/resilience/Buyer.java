package org.apigate.system.resilience;

import org.apigate.testing.Http;
import org.apigate.testing.Tokens;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A customer of the shop: a user created in the user service, and its bearer token for the gateway. */
record Buyer(String userId, String authorization) {

    /**
     * Creates the user at the user service itself (set-up, not under test: a POST through the gateway right after a
     * burst once met a keep-alive connection the gateway had just closed, and a create cannot be blindly repeated)
     * and mints its customer token.
     */
    static Buyer register(Shop shop) {
        String name = "b" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = Shop.ADMIN.post(shop.users(), "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        return new Buyer(id, "Bearer " + Tokens.customer(id));
    }

    static String admin() {
        return "Bearer " + Tokens.admin("resilience-admin");
    }

    /** An order for one line. */
    static String order(String userId, String sku, int quantity) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }
}
