package org.apigate.system.resilience;

import jakarta.json.JsonObject;
import org.apigate.system.resilience.OrderStorm.Answer;
import org.apigate.testing.Http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the services hold for one SKU after a load, read from the services' own APIs (not through the gateway, whose
 * passive health may rest an instance after a crash): the buyers' orders (each buyer's list), inventory's
 * reservations of the SKU and the item. Checks them
 * against each other and against what every client was told, and names each disagreement.
 */
final class Audit {

    /**
     * The order status an answer stands for: 201 confirmed, 409 out-of-stock rejected, 503 inventory-unavailable
     * failed; null for answers that promise no order at all (a 503 user-service-unavailable stores nothing).
     */
    static String promised(Answer answer) {
        String type = answer.problemType() == null ? "" : answer.problemType();
        return switch (answer.status()) {
            case 201 -> "CONFIRMED";
            case 409 -> type.endsWith("/out-of-stock") ? "REJECTED" : null;
            case 503 -> type.endsWith("/inventory-unavailable") ? "FAILED" : null;
            default -> null;
        };
    }

    final Map<String, JsonObject> orders;
    final Map<String, JsonObject> reservations;
    final JsonObject item;

    private Audit(Map<String, JsonObject> orders, Map<String, JsonObject> reservations, JsonObject item) {
        this.orders = orders;
        this.reservations = reservations;
        this.item = item;
    }

    static Audit read(Shop shop, List<Buyer> buyers, String sku) {
        Map<String, JsonObject> orders = buyers.stream()
                .flatMap(b -> Listing.all(shop.orders() + "?userId=" + b.userId()).stream())
                .collect(Collectors.toMap(o -> o.getString("id"), Function.identity()));
        Map<String, JsonObject> reservations = Listing.all(shop.reservations() + "?sku=" + sku).stream()
                .collect(Collectors.toMap(r -> r.getString("id"), Function.identity()));
        Http.Reply item = Shop.ADMIN.get(shop.items() + "/" + sku);
        assertEquals(200, item.status(), item::toString);
        return new Audit(orders, reservations, item.json());
    }

    /** No order still in its saga and no release still to be done: compensation has finished. */
    boolean settled() {
        return orders.values().stream().noneMatch(o -> "PENDING".equals(o.getString("status"))
                || o.getBoolean("compensationPending", false));
    }

    Set<String> withStatus(String status) {
        return orders.values().stream().filter(o -> status.equals(o.getString("status")))
                .map(o -> o.getString("id")).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> reserved() {
        return reservations.values().stream().filter(r -> "RESERVED".equals(r.getString("status")))
                .map(r -> r.getString("id")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Confirmed orders without a held reservation (inventory lost it, or never had it). */
    Set<String> confirmedWithoutReservation() {
        Set<String> missing = withStatus("CONFIRMED");
        missing.removeAll(reserved());
        return missing;
    }

    /** Reservations holding stock for an order that is not confirmed (stock nobody will ever release). */
    Set<String> orphanedReservations() {
        Set<String> orphans = reserved();
        orphans.removeAll(withStatus("CONFIRMED"));
        return orphans;
    }

    /** Answers whose order is missing from the books or holds another status than the client was told. */
    List<String> broken(List<Answer> answers) {
        List<String> broken = new ArrayList<>();
        for (Answer answer : answers) {
            String promised = promised(answer);
            if (promised == null) {
                continue;
            }
            JsonObject order = answer.orderId() == null ? null : orders.get(answer.orderId());
            if (order == null) {
                broken.add("lost: " + answer);
            } else if (!promised.equals(order.getString("status"))) {
                broken.add("told " + answer + " but the order is " + order);
            }
        }
        return broken;
    }

    /** Orders that no client was told about (a request that created two orders, or one told nothing). */
    Set<String> unannounced(List<Answer> answers) {
        Set<String> told = answers.stream().map(Answer::orderId).filter(id -> id != null)
                .collect(Collectors.toSet());
        return orders.keySet().stream().filter(id -> !told.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Stock held by reservations in inventory's records, by the quantities of their lines of this item. */
    long heldByReservations() {
        String sku = item.getString("sku");
        return reservations.values().stream().filter(r -> "RESERVED".equals(r.getString("status")))
                .flatMap(r -> r.getJsonArray("lines").getValuesAs(JsonObject.class).stream())
                .filter(l -> sku.equals(l.getString("sku"))).mapToLong(l -> l.getInt("quantity")).sum();
    }

    long available() {
        return item.getJsonNumber("available").longValue();
    }

    long reservedStock() {
        return item.getJsonNumber("reserved").longValue();
    }

    Map<String, Long> statusCounts() {
        Map<String, Long> counts = new HashMap<>();
        orders.values().forEach(o -> counts.merge(o.getString("status"), 1L, Long::sum));
        return counts;
    }
}
