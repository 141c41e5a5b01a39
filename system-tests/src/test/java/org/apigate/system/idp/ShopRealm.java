package org.apigate.system.idp;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apigate.testing.Http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests set up in Keycloak, as the JSON its admin CLI takes ({@code kcadm.sh create realms -f},
 * {@code create partialImport -f}): a realm with the realm roles {@code customer} and {@code admin}, two public
 * clients that may use the password grant, each with an audience mapper adding {@code gateway} to the access token's
 * {@code aud} ({@value #DEFAULT_CLIENT} as Keycloak's defaults have it, {@value #AT_JWT_CLIENT} with the client
 * option that types access tokens {@code at+jwt} as RFC 9068 asks), and accounts with one role each. Everything else
 * - client scopes (with {@code realm_access.roles}), keys, token lifetimes - is Keycloak's default for a new realm.
 */
final class ShopRealm {

    static final String DEFAULT_CLIENT = "apigate-cli";
    static final String AT_JWT_CLIENT = "apigate-cli-at-jwt";
    static final String AUDIENCE = "gateway";

    private ShopRealm() {
    }

    /**
     * A user of the realm with one realm role and a password made for this run; {@code id} is Keycloak's user id -
     * the tokens' {@code sub} - when the test chooses it (to match a user of the user service), else null.
     */
    record Account(String id, String username, String password, String role) {

        static Account of(String username, String role) {
            return new Account(null, username, UUID.randomUUID().toString(), role);
        }

        Account withId(String keycloakId) {
            return new Account(keycloakId, username, password, role);
        }
    }

    /** The realm {@code name} (also its id) with the roles, both clients and {@code accounts}. */
    static String realm(String name, List<Account> accounts) {
        return Json.createObjectBuilder()
                .add("id", name).add("realm", name).add("enabled", true)
                .add("roles", Json.createObjectBuilder().add("realm", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "customer"))
                        .add(Json.createObjectBuilder().add("name", "admin"))))
                .add("clients", Json.createArrayBuilder().add(client(DEFAULT_CLIENT, false))
                        .add(client(AT_JWT_CLIENT, true)))
                .add("users", users(accounts))
                .build().toString();
    }

    /** {@code accounts} for {@code kcadm.sh create partialImport}: an existing one is an error, never overwritten. */
    static String partialImport(List<Account> accounts) {
        return Json.createObjectBuilder().add("ifResourceExists", "FAIL").add("users", users(accounts)).build()
                .toString();
    }

    private static JsonObjectBuilder client(String clientId, boolean rfc9068Type) {
        JsonObjectBuilder client = Json.createObjectBuilder()
                .add("clientId", clientId).add("enabled", true).add("protocol", "openid-connect")
                .add("publicClient", true).add("directAccessGrantsEnabled", true).add("standardFlowEnabled", false)
                .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "gateway-audience").add("protocol", "openid-connect")
                        .add("protocolMapper", "oidc-audience-mapper")
                        .add("config", Json.createObjectBuilder().add("included.custom.audience", AUDIENCE)
                                .add("access.token.claim", "true").add("id.token.claim", "false"))));
        if (rfc9068Type) {
            client.add("attributes", Json.createObjectBuilder().add("access.token.header.type.rfc9068", "true"));
        }
        return client;
    }

    private static JsonArrayBuilder users(List<Account> accounts) {
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (Account account : accounts) {
            JsonObjectBuilder user = Json.createObjectBuilder();
            if (account.id() != null) {
                user.add("id", account.id());
            }
            // a complete profile: the declarative user profile would otherwise refuse the password grant
            users.add(user.add("username", account.username()).add("enabled", true)
                    .add("email", account.username() + "@example.org").add("emailVerified", true)
                    .add("firstName", account.username()).add("lastName", "Test")
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", account.password()).add("temporary", false)))
                    .add("realmRoles", Json.createArrayBuilder().add(account.role())));
        }
        return users;
    }

    /**
     * An access token for {@code account} by the resource owner password grant at {@code tokenEndpoint}, from
     * {@code client}; {@code scope} (e.g. {@code microprofile-jwt}) may be null.
     */
    static String passwordGrant(String tokenEndpoint, String client, Account account, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", account.username());
        form.put("password", account.password());
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Http.Reply reply = Http.send(Http.request(tokenEndpoint, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, reply.status(), () -> "password grant for " + account.username() + ": " + reply);
        JsonObject tokens = reply.json();
        return tokens.getString("access_token");
    }
}
