package org.apigate.gateway.backend;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Test only, deployed inside the gateway under test: a MicroProfile config source above every other one that
 * re-reads a properties file of the test on each lookup. It stands in for an operator changing configuration at run
 * time (asadmin {@code set-config-property} on Payara Server, a mounted directory in Kubernetes), which Payara Micro
 * offers no test-friendly way to do.
 */
public class LiveConfigSource implements ConfigSource {

    /** Resource in the archive that holds the absolute path of the file to read. */
    static final String LOCATION = "META-INF/live-config.location";

    private final Path file;

    public LiveConfigSource() {
        try (InputStream location = LiveConfigSource.class.getClassLoader().getResourceAsStream(LOCATION)) {
            file = Path.of(new String(location.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file the deployed source reads; an empty map removes every live value. */
    public static void write(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "live test configuration");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties current() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return current().stringPropertyNames();
    }

    @Override
    public String getValue(String propertyName) {
        return current().getProperty(propertyName);
    }

    @Override
    public String getName() {
        return "live test configuration " + file;
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
