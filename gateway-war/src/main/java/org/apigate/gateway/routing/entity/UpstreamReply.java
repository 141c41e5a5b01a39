package org.apigate.gateway.routing.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an instance answered: status, headers (a case-insensitive map) and the whole body. */
public record UpstreamReply(int status, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
