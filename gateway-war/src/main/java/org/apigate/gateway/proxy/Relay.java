package org.apigate.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Reply;
import org.apigate.gateway.exchange.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams the reply's body to the client as it arrives, never holding it whole: a large download passes through a
 * small heap. A {@code text/event-stream} is flushed after every read, so each event reaches the client while the
 * service is still sending. A body that stalls longer than the route's timeout between two reads ends the stream
 * (the upstream read times out); the client then gets a truncated answer, as the status was already sent.
 */
@ApplicationScoped
public class Relay implements Stage {

    private static final int BUFFER = 16 * 1024;

    @Override
    public boolean apply(Exchange exchange) throws IOException {
        Reply reply = exchange.reply();
        if (exchange.method().equals("HEAD") || reply.contentLength() == 0) {
            return true;
        }
        boolean events = isEventStream(reply);
        OutputStream out = exchange.response().getOutputStream();
        try (InputStream in = reply.body()) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (events) {
                    out.flush();
                }
            }
        }
        return true;
    }

    private static boolean isEventStream(Reply reply) {
        List<String> type = reply.headers().get("Content-Type");
        return type != null && !type.isEmpty() && type.get(0).toLowerCase(java.util.Locale.ROOT)
                .startsWith("text/event-stream");
    }
}
