package org.apigate.gateway.routing.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepliesTest {

    private static final URI GATEWAY = URI.create("https://api.example.org/");

    @Test
    void aLocationInsideTheServiceBecomesThePublicUrl() {
        assertEquals("https://api.example.org/api/orders/7",
                Replies.publicLocation("http://10.0.0.5:8082/order/api/orders/7", RouteTable.ORDER, GATEWAY));
        assertEquals("https://api.example.org/api/users/u-1?x=1",
                Replies.publicLocation("http://127.0.0.1:8081/user/api/users/u-1?x=1", RouteTable.USER, GATEWAY));
    }

    @Test
    void inventoryPathsGetTheirPublicPrefixBack() {
        assertEquals("https://api.example.org/api/inventory/items/W-1",
                Replies.publicLocation("http://127.0.0.1:8083/inventory/api/items/W-1", RouteTable.INVENTORY,
                        GATEWAY));
    }

    @Test
    void aLocationOutsideTheServiceOrMalformedIsLeftAlone() {
        assertEquals("https://elsewhere.example/login",
                Replies.publicLocation("https://elsewhere.example/login", RouteTable.ORDER, GATEWAY));
        assertEquals("http://[bad", Replies.publicLocation("http://[bad", RouteTable.ORDER, GATEWAY));
    }
}
