package org.apigate.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Reply;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the head of the client's response: the reply's status, its end-to-end headers, and the gateway's own headers
 * ({@link Exchange#gatewayHeaders()}: request id, rate-limit fields, CORS, challenges), which replace the reply's
 * under the same names - also a service's {@code Access-Control-*} when the gateway answers CORS itself, so they are
 * never duplicated. {@code Vary} is merged. A service's {@code Location} is made public ({@link PublicLocation}).
 */
@ApplicationScoped
public class Decorate implements org.apigate.gateway.exchange.Stage {

    private static final String LOCATION = "Location";
    private static final String VARY = "Vary";
    private static final String CORS = "access-control-";

    @Override
    public boolean apply(Exchange exchange) {
        Reply reply = exchange.reply();
        HttpServletResponse response = exchange.response();
        Map<String, String> own = exchange.gatewayHeaders();
        boolean ownCors = exchange.corsByGateway();
        response.setStatus(reply.status());
        Headers.endToEnd(reply.headers(), List.of()).forEach((name, values) -> {
            if (own.containsKey(name) && !name.equalsIgnoreCase(VARY) || ownCors && isCors(name)) {
                return;
            }
            for (String value : values) {
                response.addHeader(name, location(exchange, name, value));
            }
        });
        own.forEach((name, value) -> {
            if (name.equalsIgnoreCase(VARY) && response.containsHeader(VARY)) {
                response.addHeader(VARY, value);
            } else {
                response.setHeader(name, value);
            }
        });
        long length = reply.contentLength();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        exchange.status(reply.status());
        return true;
    }

    private static String location(Exchange exchange, String name, String value) {
        if (name.equalsIgnoreCase(LOCATION) && exchange.instance() != null) {
            return PublicLocation.of(value, exchange.instance(), exchange.route(), exchange.origin().publicBase());
        }
        return value;
    }

    private static boolean isCors(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(CORS);
    }
}
