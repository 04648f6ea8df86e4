package io.mockboard.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockboard.core.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static RubricContent.Criterion criterion(String id, int weight) {
        return new RubricContent.Criterion(id, "Criterion " + id, null, weight, "",
                List.of(new RubricContent.LevelAnchor(1, "a"), new RubricContent.LevelAnchor(2, "b"),
                        new RubricContent.LevelAnchor(3, "c"), new RubricContent.LevelAnchor(4, "d")), List.of(), List.of());
    }

    private static final RubricContent RUBRIC = new RubricContent(null, "Test", "ml-system-design", "", List.of(),
            List.of(criterion("data", 30), criterion("model", 50), criterion("communication", 20)));

    @Test
    void theWeightedScoreWeighsEachLevelByItsCriterionsWeight() {
        // (30·2 + 50·4 + 20·1) / 100 = 2.8
        assertThat(Scoring.weightedScore(RUBRIC, Map.of("data", 2, "model", 4, "communication", 1))).isEqualTo(2.8);
    }

    @Test
    void criteriaWithoutALevelDoNotCountYet() {
        // (30·4) / 30 = 4.0
        assertThat(Scoring.weightedScore(RUBRIC, Map.of("data", 4))).isEqualTo(4.0);
        assertThat(Scoring.weightedScore(RUBRIC, Map.of())).isNull();
    }

    @Test
    void theSuggestedRecommendationHasFourPointsAndNoMiddle() {
        assertThat(Scoring.suggested(1.0)).isEqualTo(Recommendation.STRONG_NO_HIRE);
        assertThat(Scoring.suggested(1.74)).isEqualTo(Recommendation.STRONG_NO_HIRE);
        assertThat(Scoring.suggested(1.75)).isEqualTo(Recommendation.NO_HIRE);
        assertThat(Scoring.suggested(2.49)).isEqualTo(Recommendation.NO_HIRE);
        assertThat(Scoring.suggested(2.5)).isEqualTo(Recommendation.HIRE);
        assertThat(Scoring.suggested(3.24)).isEqualTo(Recommendation.HIRE);
        assertThat(Scoring.suggested(3.25)).isEqualTo(Recommendation.STRONG_HIRE);
        assertThat(Scoring.suggested(4.0)).isEqualTo(Recommendation.STRONG_HIRE);
    }

    @Test
    void aRubricWithoutFourAnchorsOrWithDuplicateIdsIsRefusedWithTheReason() {
        RubricContent.Criterion threeLevels = new RubricContent.Criterion("x", "X", null, 10, "",
                List.of(new RubricContent.LevelAnchor(1, "a"), new RubricContent.LevelAnchor(2, "b"), new RubricContent.LevelAnchor(3, "c")),
                List.of(), List.of());
        assertThatThrownBy(() -> new RubricContent(null, "T", null, "", List.of(), List.of(threeLevels)).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("descriptor for each of the 4 levels");
        assertThatThrownBy(() -> new RubricContent(null, "T", null, "", List.of(), List.of(criterion("a", 1), criterion("a", 2))).validated())
                .hasMessageContaining("share the id 'a'");
        assertThatThrownBy(() -> new RubricContent(null, "T", null, "", List.of(), List.of(criterion("a", 0))).validated())
                .hasMessageContaining("weight is between 1 and 100");
        assertThat(RUBRIC.validated()).isSameAs(RUBRIC);
    }
}
