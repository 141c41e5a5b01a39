package org.apigate.system.hostile;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token corpus is as large as issue 7 asks, every case has its own name, and every case can be built. */
class TokenCorpusTest {

    @Test
    void atLeastThirtyNamedCasesThatAllBuild() {
        List<TokenCase> corpus = TokenCorpus.all();
        assertTrue(corpus.size() >= 30, "cases: " + corpus.size());
        assertEquals(corpus.size(), new HashSet<>(corpus.stream().map(TokenCase::name).toList()).size());
        try (AttackerServer attacker = new AttackerServer()) {
            corpus.forEach(c -> assertFalse(c.headers().apply(attacker).isEmpty() && c.query().isEmpty(), c.name()));
        }
    }
}
