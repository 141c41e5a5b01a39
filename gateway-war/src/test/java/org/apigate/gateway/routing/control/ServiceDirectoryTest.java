package org.apigate.gateway.routing.control;

import org.apigate.gateway.config.CachedConfig;
import org.apigate.gateway.config.TestConfig;
import org.apigate.gateway.routing.entity.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery by configuration: base URLs with optional weights; what cannot be used is skipped and reported. */
class ServiceDirectoryTest {

    static final String KEY = "gateway.service.user.urls";

    final TestConfig config = new TestConfig();
    final ServiceDirectory directory = new ServiceDirectory();

    {
        directory.config = new CachedConfig(config, 0);
    }

    static Instance instance(String url, int weight) {
        return new Instance(URI.create(url), weight);
    }

    @Test
    void readsBaseUrlsWithTheirWeights() {
        config.set(KEY, "http://10.0.0.5:8081/user;weight=9, http://10.0.0.6:8081/user;weight=1");

        assertEquals(List.of(instance("http://10.0.0.5:8081/user", 9), instance("http://10.0.0.6:8081/user", 1)),
                directory.instancesOf("user"));
        assertEquals(List.of(), directory.problemsOf("user"));
    }

    @Test
    void aWeightIsOneWhenNotGivenAndTrailingSlashesGo() {
        config.set(KEY, " http://10.0.0.5:8081/user/ ,, https://users.internal/user//;weight= 3 ,http://h:1");

        assertEquals(List.of(instance("http://10.0.0.5:8081/user", 1), instance("https://users.internal/user", 3),
                instance("http://h:1", 1)), directory.instancesOf("user"));
    }

    @Test
    void weightZeroDrainsAndTheLargestWeightIsAllowed() {
        assertEquals(0, ServiceDirectory.instance("http://a/user;weight=0").weight());
        assertEquals(ServiceDirectory.MAX_WEIGHT,
                ServiceDirectory.instance("http://a/user;weight=" + ServiceDirectory.MAX_WEIGHT).weight());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1001", "1.5", "abc", "", "2;weight=3"})
    void aBadWeightIsRefused(String weight) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceDirectory.instance("http://a/user;weight=" + weight));
        assertTrue(e.getMessage().startsWith("the weight"), e.getMessage());
    }

    @Test
    void skipsWhatIsNoHttpBaseUrlAndSaysWhy() {
        config.set(KEY, "ftp://x/user,not a url,http://x/user?q=1,http://x/user#f,http://u:p@x/user,http:///user,"
                + "/user,http://x:99999/user,http://ok/user,http://ok2/user;weight=x");

        assertEquals(List.of(instance("http://ok/user", 1)), directory.instancesOf("user"));
        List<String> problems = directory.problemsOf("user");
        assertEquals(9, problems.size(), problems::toString);
        assertEquals("Ignoring instance 'ftp://x/user' of gateway.service.user.urls: not an http(s) base URL",
                problems.get(0));
        assertEquals("Ignoring instance 'http://ok2/user;weight=x' of gateway.service.user.urls: the weight is not a"
                + " whole number", problems.get(8));
    }

    @Test
    void noValueIsNoInstance() {
        assertEquals(List.of(), directory.instancesOf("user"));
        config.set(KEY, " , ");
        assertEquals(List.of(), directory.instancesOf("user"));
        assertEquals(List.of(), directory.problemsOf("user"));
    }

    @Test
    void parsesOncePerDistinctValueAndFollowsChanges() {
        config.set(KEY, "http://a/user");
        List<Instance> first = directory.instancesOf("user");

        assertSame(first, directory.instancesOf("user"), "the same value is not parsed again");

        config.set(KEY, "http://b/user");
        List<Instance> changed = directory.instancesOf("user");
        assertNotSame(first, changed);
        assertEquals(List.of(instance("http://b/user", 1)), changed);
    }

    @Test
    void keepsServicesApart() {
        config.set(KEY, "http://a/user").set("gateway.service.order.urls", "http://b/order;weight=2");

        assertEquals(List.of(instance("http://a/user", 1)), directory.instancesOf("user"));
        assertEquals(List.of(instance("http://b/order", 2)), directory.instancesOf("order"));
        assertEquals("gateway.service.order.urls", ServiceDirectory.key("order"));
    }
}
