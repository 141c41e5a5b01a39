package org.apigate.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How a Payara Micro instance of apigate starts and when it is ready: {@code server-config/micro/instance.properties},
 * the description run.sh, the benchmark and the Arquillian tests read too. Read from the repository: tests run in a
 * module's directory, one level below it.
 */
final class InstanceDescription {

    static final InstanceDescription OF_REPOSITORY = new InstanceDescription(Path.of("..").toAbsolutePath().normalize());

    private final Path repository;
    private final Properties values = new Properties();

    private InstanceDescription(Path repository) {
        this.repository = repository;
        Path file = repository.resolve("server-config/micro/instance.properties");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": run the tests from a module of the repository", e);
        }
    }

    List<String> jvmOptions() {
        return options("jvm.options");
    }

    List<String> microOptions() {
        return options("micro.options");
    }

    /** The options of an instance outside a data grid. */
    List<String> standaloneOptions() {
        return options("standalone.options");
    }

    /** The pre-boot command file: with health and metrics on a management port, or not. */
    Path preBoot(boolean management) {
        return repository.resolve(value(management ? "preboot.management" : "preboot"));
    }

    /** Whether a log says that every WAR was deployed. */
    boolean ready(String log) {
        return log.contains(value("ready.log"));
    }

    /** Whether a log says that a deployment failed. */
    boolean failed(String log) {
        return Pattern.compile(value("failed.log")).matcher(log).find();
    }

    private List<String> options(String key) {
        String options = value(key).strip();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    private String value(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("instance.properties has no " + key);
        }
        return value;
    }
}
