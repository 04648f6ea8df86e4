package io.mockboard.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComponentKindTest {

    @Test
    @DisplayName("[T8] the kinds are exactly the vocabulary of interview-domain.md §2")
    void vocabularyMatchesTheDomain() {
        assertThat(Arrays.stream(ComponentKind.values()).map(ComponentKind::wire)).containsExactly(
                "client", "api-gateway", "data-lake", "warehouse", "object-storage", "stream/queue",
                "batch-feature-job", "stream-feature-job", "feature-store", "kv-store/cache", "nosql-store",
                "embedding-service", "ann-index", "indexing-pipeline", "candidate-generation", "ranking-service",
                "re-ranking-service", "model-server", "training-pipeline", "model-registry", "evaluation/ab-test",
                "labeling/human-review", "monitoring", "drift-detector", "retraining-trigger", "logging");
    }

    @Test
    @DisplayName("free text maps to a kind by wire name, label or synonym, ignoring case and punctuation")
    void matchesSynonyms() {
        assertThat(ComponentKind.match("Feature Store")).contains(ComponentKind.FEATURE_STORE);
        assertThat(ComponentKind.match("online feature-store")).contains(ComponentKind.FEATURE_STORE);
        assertThat(ComponentKind.match("  Redis ")).contains(ComponentKind.KV_STORE_CACHE);
        assertThat(ComponentKind.match("A/B test")).contains(ComponentKind.EVALUATION_AB_TEST);
        assertThat(ComponentKind.match("stream/queue")).contains(ComponentKind.STREAM_QUEUE);
        assertThat(ComponentKind.match("Re-ranking")).contains(ComponentKind.RE_RANKING_SERVICE);
        assertThat(ComponentKind.match("coffee machine")).isEmpty();
        assertThat(ComponentKind.match(null)).isEmpty();
    }

    @Test
    @DisplayName("every kind has a label and synonyms, and wire names round-trip")
    void kindsAreDescribed() {
        for (ComponentKind kind : ComponentKind.values()) {
            assertThat(kind.label()).isNotBlank();
            assertThat(kind.synonyms()).isNotEmpty();
            assertThat(ComponentKind.fromWire(kind.wire())).contains(kind);
        }
    }
}
