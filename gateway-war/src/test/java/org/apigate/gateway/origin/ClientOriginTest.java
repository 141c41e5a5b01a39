package org.apigate.gateway.origin;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.exchange.Origin;
import org.apigate.gateway.exchange.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a request comes from: what it says about itself counts only from a trusted proxy; the public URL comes from
 * configuration, a trusted proxy or the gateway's own address - never from the client's Host.
 */
class ClientOriginTest {

    final TestConfig config = new TestConfig();
    final ClientOrigin origin = new ClientOrigin();

    {
        origin.config = new CachedConfig(config, 0);
        origin.create();
    }

    /** A client that claims to be someone else, somewhere else, arriving at 10.0.0.2:8080 over plain HTTP. */
    static TestRequest forging(String peer) {
        return new TestRequest().from(peer).at("10.0.0.2", 8080)
                .header("Host", "evil.example")
                .header("X-Forwarded-For", "1.2.3.4")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example");
    }

    Origin of(TestRequest request) {
        return origin.of(request.build());
    }

    @Test
    void anUntrustedPeerIsTheClientAndItsForwardingHeadersAreIgnored() {
        assertEquals(new Origin("203.0.113.7", "203.0.113.7", "http", "10.0.0.2:8080",
                URI.create("http://10.0.0.2:8080")), of(forging("203.0.113.7")));
    }

    @Test
    void aPeerNotAmongTheTrustedProxiesIsUntrusted() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8, ::1");

        Origin untrusted = of(forging("203.0.113.7"));

        assertEquals("203.0.113.7", untrusted.client());
        assertEquals("203.0.113.7", untrusted.forwardedFor());
        assertEquals("http", untrusted.proto());
        assertEquals("10.0.0.2:8080", untrusted.host());
    }

    @Test
    void thePublicUrlIsConfiguredOrTheGatewaysOwnAddressNeverTheHostHeader() {
        assertEquals(URI.create("https://10.0.0.2:8443"),
                of(forging("203.0.113.7").scheme("https").at("10.0.0.2", 8443)).publicBase());
        assertEquals("[2001:db8::2]:8080", of(forging("2001:db8::7").at("2001:db8::2", 8080)).host());

        config.set("gateway.public-url", "https://api.example.com/");
        Origin configured = of(forging("203.0.113.7"));

        assertEquals(URI.create("https://api.example.com"), configured.publicBase());
        assertEquals("https", configured.proto());
        assertEquals("api.example.com", configured.host());
    }

    @Test
    void aTrustedProxyExtendsTheChainAndTheClientIsTheNearestUntrustedAddress() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");
        TestRequest request = new TestRequest().from("10.0.0.9").at("10.0.0.2", 8080)
                .header("X-Forwarded-For", "6.6.6.6, 198.51.100.1").header("X-Forwarded-For", "10.0.0.5");

        Origin trusted = of(request);

        assertEquals("198.51.100.1", trusted.client(), "not what the client wrote itself first");
        assertEquals("6.6.6.6, 198.51.100.1, 10.0.0.5, 10.0.0.9", trusted.forwardedFor());
    }

    @Test
    void aTrustedProxyWithoutAChainIsTheClient() {
        config.set("gateway.trusted-proxies", "10.0.0.9");

        Origin trusted = of(new TestRequest().from("10.0.0.9"));

        assertEquals("10.0.0.9", trusted.client());
        assertEquals("10.0.0.9", trusted.forwardedFor());
    }

    @Test
    void aChainOfTrustedProxiesOnlyEndsAtItsFarthestAddress() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");

        Origin trusted = of(new TestRequest().from("10.0.0.9").header("X-Forwarded-For", "10.0.0.3, 10.0.0.4"));

        assertEquals("10.0.0.3", trusted.client());
    }

    @Test
    void aTrustedProxysProtoAndHostAreBelievedAndMakeThePublicUrl() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");

        Origin trusted = of(new TestRequest().from("10.0.0.9").header("X-Forwarded-Proto", "HTTPS")
                .header("X-Forwarded-Host", " api.example.com:8443 ").header("Host", "evil.example"));

        assertEquals("https", trusted.proto());
        assertEquals("api.example.com:8443", trusted.host());
        assertEquals(URI.create("https://api.example.com:8443"), trusted.publicBase());
    }

    @Test
    void theConfiguredPublicUrlWinsOverATrustedProxysHost() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8").set("gateway.public-url", "https://api.example.com");

        Origin trusted = of(new TestRequest().from("10.0.0.9").header("X-Forwarded-Host", "lb.internal"));

        assertEquals(URI.create("https://api.example.com"), trusted.publicBase());
        assertEquals("lb.internal", trusted.host(), "still what the client addressed, for X-Forwarded-Host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/path", "a b", "evil.example\r\nX-Injected: 1", "a.example, b.example",
        "user@evil.example", "evil.example:123456", ""})
    void aMalformedForwardedHostIsIgnored(String host) {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");

        Origin trusted = of(new TestRequest().from("10.0.0.9").at("10.0.0.2", 8080).header("X-Forwarded-Host", host));

        assertEquals("10.0.0.2:8080", trusted.host());
    }

    @Test
    void aWellFormedIpv6ForwardedHostIsBelieved() {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");

        assertEquals("[2001:db8::1]:443", of(new TestRequest().from("10.0.0.9")
                .header("X-Forwarded-Host", "[2001:db8::1]:443")).host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "https, http", "javascript", ""})
    void aForwardedProtoOtherThanHttpOrHttpsIsIgnored(String proto) {
        config.set("gateway.trusted-proxies", "10.0.0.0/8");

        assertEquals("http", of(new TestRequest().from("10.0.0.9").header("X-Forwarded-Proto", proto)).proto());
    }

    @Test
    void unusableSettingsAreReportedAndTrustNobody() {
        config.set("gateway.trusted-proxies", "10.0.0.0/33").set("gateway.public-url", "ftp://files.example.com");

        Origin origin = of(forging("10.0.0.9"));

        assertEquals("10.0.0.9", origin.forwardedFor());
        assertEquals(URI.create("http://10.0.0.2:8080"), origin.publicBase());
        List<String> problems = this.origin.problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("gateway.trusted-proxies=10.0.0.0/33 cannot be used"),
                problems::toString);
        assertTrue(problems.get(1).startsWith("gateway.public-url=ftp://files.example.com cannot be used"),
                problems::toString);
    }
}
