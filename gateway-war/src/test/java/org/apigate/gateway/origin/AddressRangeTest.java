package org.apigate.gateway.origin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses and CIDR ranges, IPv4 and IPv6, from literals only. */
class AddressRangeTest {

    static boolean in(String range, String address) {
        return AddressRange.parse(range).contains(address);
    }

    @Test
    void anAddressContainsItselfOnly() {
        assertTrue(in("10.0.0.1", "10.0.0.1"));
        assertFalse(in("10.0.0.1", "10.0.0.2"));
        assertTrue(in(" 10.0.0.1 ", "10.0.0.1"));
    }

    @Test
    void anIpv4RangeEndsExactlyAtItsPrefix() {
        assertTrue(in("10.0.0.0/8", "10.0.0.0"));
        assertTrue(in("10.0.0.0/8", "10.255.255.255"));
        assertFalse(in("10.0.0.0/8", "11.0.0.0"));
        assertFalse(in("10.0.0.0/8", "9.255.255.255"));
        assertTrue(in("172.16.0.0/12", "172.31.255.255"), "a prefix inside a byte");
        assertFalse(in("172.16.0.0/12", "172.32.0.0"));
        assertTrue(in("192.168.1.0/25", "192.168.1.127"));
        assertFalse(in("192.168.1.0/25", "192.168.1.128"));
        assertTrue(in("192.168.1.4/31", "192.168.1.5"));
        assertFalse(in("192.168.1.4/31", "192.168.1.6"));
        assertTrue(in("192.168.1.7/32", "192.168.1.7"));
        assertFalse(in("192.168.1.7/32", "192.168.1.6"));
        assertTrue(in("10.1.2.3/8", "10.9.9.9"), "bits beyond the prefix do not matter");
    }

    @Test
    void prefixZeroContainsEveryAddressOfItsFamily() {
        assertTrue(in("0.0.0.0/0", "255.255.255.255"));
        assertTrue(in("0.0.0.0/0", "0.0.0.0"));
        assertFalse(in("0.0.0.0/0", "::1"));
        assertTrue(in("::/0", "2001:db8::1"));
        assertFalse(in("::/0", "10.0.0.1"));
    }

    @Test
    void ipv6AddressesAndRanges() {
        assertTrue(in("::1", "::1"));
        assertTrue(in("::1", "0:0:0:0:0:0:0:1"), "as a servlet container writes it");
        assertTrue(in("[::1]", "[::1]"));
        assertTrue(in("fd00::/8", "fd12:3456::1"));
        assertFalse(in("fd00::/8", "fe80::1"));
        assertTrue(in("2001:db8::/33", "2001:db8:7fff:ffff::1"));
        assertFalse(in("2001:db8::/33", "2001:db8:8000::1"));
        assertTrue(in("2001:DB8::1/128", "2001:db8:0:0:0:0:0:1"));
        assertFalse(in("2001:db8::1/128", "2001:db8::2"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsThatIpv4Address() {
        assertTrue(in("10.0.0.0/8", "::ffff:10.1.2.3"));
        assertTrue(in("10.0.0.0/8", "[::ffff:10.1.2.3]"));
        assertTrue(in("10.0.0.0/8", "0:0:0:0:0:ffff:a01:203"));
        assertFalse(in("10.0.0.0/8", "::ffff:11.1.2.3"));
        assertTrue(in("::ffff:10.0.0.1", "10.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/x", "::/129"})
    void aPrefixLengthOutOfRangeIsRefused(String range) {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(range));
    }

    /** A name is refused before any lookup: {@code localhost} would resolve if it were looked up. */
    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "ip6-localhost", "gateway.internal", "example.com/8", "",
        "999.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", ".:", "%:1", ".1::", "1:2", "10.0.0.1:8080"})
    void anythingButALiteralIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
        assertFalse(AddressRange.parse("0.0.0.0/0").contains(text));
        assertFalse(AddressRange.parse("::/0").contains(text));
    }
}
