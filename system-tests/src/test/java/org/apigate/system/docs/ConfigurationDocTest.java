package org.apigate.system.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/configuration.md cannot drift from the code: every key the WARs read is documented, every documented key is
 * read, and every documented default is the one the WAR ships (its {@code microprofile-config.properties}, or the
 * default of a {@code ${MPCONFIG=key:default}} expression).
 */
class ConfigurationDocTest {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    static final List<String> WARS = List.of("gateway", "user", "order", "inventory");
    /** String literals that look like configuration keys (or prefixes of families of keys, ending in a dot). */
    static final Pattern KEY_LITERAL = Pattern.compile("\"((?:gateway|order|user|inventory|apigate|mp)\\.[a-z0-9.-]*)\"");
    static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^:}]+):([^}]*)}");
    /** Literals of that shape that name something else: metrics, and request-context attributes of the client. */
    static final Set<String> NOT_KEYS = Set.of("gateway.requests", "gateway.upstream.duration",
            "gateway.ratelimit.rejections", "gateway.circuitbreaker.open", "apigate.reused", "apigate.fresh");

    static List<DocumentedKey> documented;
    static Map<String, Properties> shipped;
    static Map<String, String> annotationDefaults;
    static Set<String> readByCode;

    /** One row of a table of configuration.md: a key (or a family, with {@code <placeholders>}) in some WARs. */
    record DocumentedKey(String key, List<String> wars, String defaultCell) {

        boolean matches(String candidate) {
            return Pattern.compile(Pattern.quote(key).replaceAll("<[a-z]+>", "\\\\E[a-z0-9_-]+\\\\Q"))
                    .matcher(candidate).matches();
        }

        boolean isFamily() {
            return key.contains("<") || key.endsWith("*");
        }

        /** The default as a value (a code span, or "empty"), or null when the cell describes one in words. */
        String defaultValue() {
            if (defaultCell.equals("empty")) {
                return "";
            }
            Matcher span = Pattern.compile("^`([^`]*)`$").matcher(defaultCell);
            return span.matches() ? span.group(1) : null;
        }
    }

    @BeforeAll
    static void read() throws IOException {
        documented = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/configuration.md"))) {
            String[] cells = line.split(" \\| ");
            if (line.startsWith("| `") && cells.length == 5) {
                String key = cells[0].substring(2).replace("`", "").strip();
                documented.add(new DocumentedKey(key, wars(cells[1].strip()), cells[3].strip()));
            }
        }
        shipped = new LinkedHashMap<>();
        for (String war : WARS) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(ROOT.resolve(war + "-war/src/main/resources/META-INF/"
                    + "microprofile-config.properties"), StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            }
            shipped.put(war, properties);
        }
        annotationDefaults = new LinkedHashMap<>();
        readByCode = new TreeSet<>();
        for (String module : List.of("common", "gateway-war", "user-war", "order-war", "inventory-war")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    KEY_LITERAL.matcher(source).results().map(m -> m.group(1))
                            .filter(key -> !NOT_KEYS.contains(key)).forEach(readByCode::add);
                    MPCONFIG.matcher(source).results().forEach(m -> {
                        readByCode.add(m.group(1));
                        annotationDefaults.put(m.group(1), m.group(2));
                    });
                }
            }
        }
    }

    static List<String> wars(String cell) {
        return switch (cell) {
            case "all" -> WARS;
            case "services" -> List.of("user", "order", "inventory");
            default -> List.of(cell.split(",\\s*"));
        };
    }

    @Test
    void everyKeyTheCodeReadsIsDocumented() {
        List<String> missing = readByCode.stream().filter(key -> key.endsWith(".")
                ? documented.stream().noneMatch(d -> d.key().startsWith(key))
                : documented.stream().noneMatch(d -> d.matches(key))).toList();
        assertEquals(List.of(), missing, "keys read by the code but not in docs/configuration.md");
    }

    @Test
    void everyShippedKeyIsDocumentedForItsWar() {
        List<String> missing = new ArrayList<>();
        shipped.forEach((war, properties) -> properties.stringPropertyNames().stream().sorted()
                .filter(key -> documented.stream().noneMatch(d -> d.wars().contains(war) && d.matches(key)))
                .forEach(key -> missing.add(war + ": " + key)));
        assertEquals(List.of(), missing, "keys in a WAR's microprofile-config.properties not in docs/configuration.md");
    }

    @Test
    void everyDocumentedKeyIsRead() {
        List<String> unread = documented.stream().filter(d -> !d.key().endsWith("*"))
                .filter(d -> readByCode.stream().noneMatch(key -> key.endsWith(".")
                        ? d.key().startsWith(key) : d.matches(key)))
                .filter(d -> d.wars().stream().noneMatch(war ->
                        shipped.get(war).stringPropertyNames().stream().anyMatch(d::matches)))
                .map(DocumentedKey::key).toList();
        assertEquals(List.of(), unread, "documented keys that nothing reads");
    }

    @Test
    void everyDocumentedDefaultIsTheOneShipped() {
        List<String> wrong = new ArrayList<>();
        for (DocumentedKey d : documented) {
            if (d.isFamily()) {
                continue;
            }
            for (String war : d.wars()) {
                String inForce = shipped.get(war).getProperty(d.key(), annotationDefaults.get(d.key()));
                String stated = d.defaultValue();
                if (inForce == null ? stated != null : !inForce.strip().equals(stated)) {
                    wrong.add(war + ": " + d.key() + " documented " + (stated == null ? d.defaultCell()
                            : "`" + stated + "`") + ", shipped " + (inForce == null ? "none" : "`" + inForce + "`"));
                }
            }
        }
        assertEquals(List.of(), wrong, "defaults in docs/configuration.md that differ from the WARs'");
    }
}
