package org.apigate.gateway.origin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), IPv4 or IPv6. */
record AddressRange(byte[] network, int prefixBits) {

    /** @throws IllegalArgumentException when {@code text} is not a literal address or CIDR range */
    static AddressRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + trimmed + "' has no valid prefix length");
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("'" + trimmed + "' has a prefix length out of range");
            }
        }
        return new AddressRange(address, bits);
    }

    /** Whether {@code address} (a literal, as the servlet container reports it) lies in this range. */
    boolean contains(String address) {
        byte[] candidate;
        try {
            candidate = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** The bytes of a literal address; never a DNS lookup (a name is refused). */
    private static byte[] literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        // only what InetAddress takes as a literal: anything else (999.1.1.1, .:) it would look up in DNS
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(bare.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean ipv6 = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:][0-9A-Fa-f:.%]*");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is that IPv4 address
            return bytes.length == 16 && isMappedIpv4(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
