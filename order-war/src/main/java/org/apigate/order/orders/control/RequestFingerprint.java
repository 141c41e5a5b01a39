package org.apigate.order.orders.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.apigate.order.orders.entity.Line;
import org.apigate.order.orders.entity.OrderForm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * What makes two order requests "the same" for an Idempotency-Key: the user and the quantity per SKU. Line order and
 * JSON formatting do not matter (SKUs are unique within an order); the canonical form is JSON, so no user id or SKU
 * can be crafted to collide with another request's form. Stored as a SHA-256 hex digest.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(OrderForm form) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        form.lines().stream().sorted(Comparator.comparing(Line::sku))
                .forEach(line -> lines.add(Json.createArrayBuilder().add(line.sku()).add(line.quantity())));
        String canonical = Json.createArrayBuilder().add(form.userId()).add(lines).build().toString();
        return sha256(canonical);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
