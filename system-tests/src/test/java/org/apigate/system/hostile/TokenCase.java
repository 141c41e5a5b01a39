package org.apigate.system.hostile;

import java.util.List;
import java.util.function.Function;

/**
 * One forged or malformed credential: the header lines it sends (computed when the case runs, so it can point at
 * the attacker's server), a query string to append, and the status the gateway must answer.
 *
 * @param name    what it tries, shown as the test's name
 * @param query   appended to the request target (with its {@code ?}), or empty
 * @param headers the request's credential header lines, e.g. {@code Authorization: Bearer x}
 * @param status  the expected status: 401; 403 for an authentic token that grants no role; what the HTTP listener
 *                answers when it refuses the request before the application (an oversized header block)
 */
record TokenCase(String name, String query, Function<AttackerServer, List<String>> headers, int status) {

    static TokenCase bearer(String name, Function<AttackerServer, String> token) {
        return header(name, attacker -> "Authorization: Bearer " + token.apply(attacker));
    }

    static TokenCase header(String name, Function<AttackerServer, String> line) {
        return new TokenCase(name, "", attacker -> List.of(line.apply(attacker)), 401);
    }

    @Override
    public String toString() {
        return name;
    }
}
