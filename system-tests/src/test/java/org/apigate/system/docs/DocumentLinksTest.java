package org.apigate.system.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README stays an entry page, and no document links to a file that is not there. */
class DocumentLinksTest {

    static final Path ROOT = ConfigurationDocTest.ROOT;
    /** A markdown link to a relative target: [text](target) or [text](target#anchor). */
    static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?!https?:|mailto:|#)([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void theReadmeIsShort() throws IOException {
        long size = Files.size(ROOT.resolve("README.md"));
        assertTrue(size <= 8 * 1024, "README.md is " + size + " bytes; the details belong in docs/");
    }

    @Test
    void everyRelativeLinkLeadsToAFile() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("bench/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            RELATIVE_LINK.matcher(Files.readString(document)).results().map(m -> m.group(1))
                    .filter(target -> !Files.exists(document.getParent().resolve(target)))
                    .forEach(target -> broken.add(ROOT.relativize(document) + " -> " + target));
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }
}
