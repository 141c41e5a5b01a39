package org.apigate.system.resilience;

import jakarta.json.JsonObject;
import org.apigate.testing.Http;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads a whole paged list of a service ({@code limit}/{@code offset}, {@code X-Total-Count}) page by page, the
 * way an auditor would (an admin): the users, items, orders or reservations as the service itself reports them.
 */
final class Listing {

    private static final int PAGE = 500;

    private Listing() {
    }

    /** Every element of the list at {@code url} (which may carry a query already), in the service's order. */
    static List<JsonObject> all(String url, String... headers) {
        String separator = url.contains("?") ? "&" : "?";
        List<JsonObject> elements = new ArrayList<>();
        long total;
        do {
            Http.Reply page = Shop.ADMIN.get(url + separator + "limit=" + PAGE + "&offset=" + elements.size(), headers);
            assertEquals(200, page.status(), page::toString);
            total = Long.parseLong(page.header("X-Total-Count"));
            List<JsonObject> read = page.jsonArray().getValuesAs(JsonObject.class);
            elements.addAll(read);
            if (read.isEmpty()) {
                break;
            }
        } while (elements.size() < total);
        assertEquals(total, elements.size(), () -> url + " changed while it was read");
        return elements;
    }
}
