package org.apigate.system.hostile;

import org.apigate.testing.Http;
import org.apigate.testing.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real data fuzzed requests may name, created straight at the services by an admin: users, stocked items and a
 * reservation (orders come from the fuzzing itself); and the credentials a request may carry - to the gateway and,
 * since the services verify tokens themselves, to each service. Tokens are minted once
 * (signing is the costly part of a request), a valid one with probability {@code validShare}: customers of the real
 * users, so that their own paths get through to the services, and admins.
 */
record FuzzFixture(List<String> ids, List<String> valid, List<String> invalid, double validShare) {

    /** The services verify every token themselves: the fixture is set up by an admin. */
    static final Http.Authorized ADMIN = Http.as(Tokens.admin("fuzz-fixture-admin"));

    static FuzzFixture create(HostileSystem system, double validShare) {
        List<String> users = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "fz" + UUID.randomUUID().toString().substring(0, 8);
            Http.Reply user = ADMIN.post(system.user.url() + "/user/api/users", "{\"username\":\"" + name
                    + "\",\"email\":\"" + name + "@example.org\",\"displayName\":\"" + name + "\"}");
            assertEquals(201, user.status(), user::toString);
            users.add(user.json().getString("id"));
            String sku = "FZ-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Reply item = ADMIN.put(system.inventory.url() + "/inventory/api/items/" + sku,
                    "{\"name\":\"Fuzz\",\"available\":1000000}");
            assertEquals(201, item.status(), item::toString);
            ids.add(sku);
        }
        ids.addAll(users);
        String reservation = "fz-" + UUID.randomUUID();
        Http.Reply reserved = ADMIN.post(system.inventory.url() + "/inventory/api/reservations", "{\"id\":\""
                + reservation + "\",\"lines\":[{\"sku\":\"" + ids.get(1) + "\",\"quantity\":1}]}");
        assertEquals(201, reserved.status(), reserved::toString);
        ids.add(reservation);
        List<String> valid = new ArrayList<>();
        users.forEach(u -> valid.add("Bearer " + Tokens.customer(u)));
        valid.add("Bearer " + Tokens.admin("fuzz-admin-1"));
        valid.add("bearer " + Tokens.admin("fuzz-admin-2"));
        List<String> invalid = new ArrayList<>(List.of("", "Bearer", "Bearer x.y.z", "Basic YTpi",
                "Bearer " + Tokens.forSubject(users.get(0)).groups("admin").signedByAttacker().sign(),
                "Bearer " + TokenCorpus.valid().replaceAll("\\.[^.]*$", ".AAAA")));
        return new FuzzFixture(List.copyOf(ids), List.copyOf(valid), List.copyOf(invalid), validShare);
    }

    /** An Authorization header value, or null for none. */
    String authorization(SplittableRandom random) {
        if (random.nextDouble() < validShare) {
            return valid.get(random.nextInt(valid.size()));
        }
        int pick = random.nextInt(invalid.size() + 1);
        return pick == invalid.size() ? null : invalid.get(pick);
    }
}
