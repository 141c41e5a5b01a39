package org.apigate.inventory.stock.boundary;

import org.apigate.testing.AuthSettings;
import org.apigate.testing.Http;
import org.apigate.testing.Loopback;
import org.apigate.testing.PackagedWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.apigate.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row lock held longer than the database waits (H2 default here: LOCK_TIMEOUT 10 s) is a 503 problem with
 * Retry-After - the request may succeed a moment later - never a 500; and the item is unchanged.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseBusyIT {

    private static final long HELD_MS = 14_000;

    @Deployment(testable = false)
    static WebArchive packagedWarWithALockHolder() {
        return PackagedWar.withConfig("inventory", AuthSettings.service("inventory")).addClass(RowLockHolder.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void anUpdateThatWaitsTooLongForARowLockIs503DatabaseBusy() throws Exception {
        String api = Loopback.deployment(base, "/inventory") + "/api";
        String sku = "sku-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, ItemsApiIT.ADMIN.put(api + "/items/" + sku, ItemsApiIT.form("Locked", 5)).status());
        CompletableFuture<Http.Reply> holder = CompletableFuture.supplyAsync(
                () -> ItemsApiIT.ADMIN.post(api + "/test/row-lock/" + sku + "?ms=" + HELD_MS, ""));
        Thread.sleep(1_000);

        Http.Reply waited = ItemsApiIT.ADMIN.put(api + "/items/" + sku, ItemsApiIT.form("Locked", 7));

        assertTrue(assertProblem(503, waited).getString("type").endsWith("/database-busy"), waited::toString);
        assertEquals("1", waited.header("Retry-After"), waited::toString);
        assertTrue(holder.get(HELD_MS + 30_000, TimeUnit.MILLISECONDS).status() < 300, "the holder committed");
        assertTrue(ItemsApiIT.ADMIN.get(api + "/items/" + sku).body().contains("\"available\":5"), "unchanged");
    }
}
