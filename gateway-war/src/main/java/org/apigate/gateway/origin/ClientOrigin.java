package org.apigate.gateway.origin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.apigate.gateway.config.Setting;
import org.apigate.gateway.exchange.Exchange;
import org.apigate.gateway.exchange.Origin;
import org.apigate.gateway.exchange.Stage;
import org.apigate.gateway.config.CachedConfig;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Settles the request's {@link Origin}. From a trusted proxy ({@code gateway.trusted-proxies}: addresses and CIDR
 * ranges) the forwarded chain is extended and the client is the nearest address in it that is not itself a trusted
 * proxy, and {@code X-Forwarded-Proto/Host} are believed; from anyone else the chain is replaced by the peer's
 * address and the gateway's own view counts. The public URL is {@code gateway.public-url} when set.
 */
@ApplicationScoped
public class ClientOrigin implements Stage {

    static final String TRUSTED_PROXIES = "gateway.trusted-proxies";
    static final String PUBLIC_URL = "gateway.public-url";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    @Inject
    CachedConfig config;

    private Setting<List<AddressRange>> trustedProxies;
    private Setting<Optional<URI>> publicUrl;

    @PostConstruct
    void create() {
        trustedProxies = new Setting<>(config, TRUSTED_PROXIES, ClientOrigin::ranges);
        publicUrl = new Setting<>(config, PUBLIC_URL, ClientOrigin::publicUrl);
    }

    @Override
    public boolean apply(Exchange exchange) {
        exchange.origin(of(exchange.request()));
        return true;
    }

    Origin of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        List<AddressRange> proxies = trustedProxies.get();
        Optional<URI> configured = publicUrl.get();
        String proto = configured.map(URI::getScheme).orElse(request.getScheme());
        String host = configured.map(URI::getRawAuthority).orElse(authority(request.getLocalAddr(),
                request.getLocalPort()));
        if (proxies.isEmpty() || !trusted(proxies, peer)) {
            return new Origin(peer, peer, proto, host, configured.orElse(URI.create(proto + "://" + host)));
        }
        List<String> chain = forwardedFor(request);
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            client = chain.get(i);
            if (!trusted(proxies, client)) {
                break;
            }
        }
        String forwardedProto = request.getHeader("X-Forwarded-Proto");
        if ("http".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(forwardedProto)) {
            proto = forwardedProto.toLowerCase(java.util.Locale.ROOT);
        }
        String forwardedHost = request.getHeader("X-Forwarded-Host");
        if (forwardedHost != null && HOST.matcher(forwardedHost.strip()).matches()) {
            host = forwardedHost.strip();
        }
        List<String> extended = new ArrayList<>(chain);
        extended.add(peer);
        return new Origin(client, String.join(", ", extended), proto, host,
                configured.orElse(URI.create(proto + "://" + host)));
    }

    /** Why the configured origin settings cannot be used, if they cannot. */
    public List<String> problems() {
        return Stream.of(trustedProxies.problem(), publicUrl.problem()).filter(Objects::nonNull).toList();
    }

    private static boolean trusted(List<AddressRange> proxies, String address) {
        for (AddressRange range : proxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Every address of every {@code X-Forwarded-For} header, in order. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String address : header.split(",")) {
                if (!address.isBlank()) {
                    chain.add(address.strip());
                }
            }
        }
        return chain;
    }

    private static String authority(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    private static List<AddressRange> ranges(String text) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(AddressRange.parse(entry));
            }
        }
        return List.copyOf(ranges);
    }

    private static Optional<URI> publicUrl(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        URI url = URI.create(text.replaceAll("/+$", ""));
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getRawAuthority() == null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("must be an http(s) URL such as https://api.example.com");
        }
        return Optional.of(url);
    }
}
