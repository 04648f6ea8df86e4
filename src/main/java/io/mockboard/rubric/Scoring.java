package io.mockboard.rubric;

import java.util.Map;

/**
 * How a scorecard adds up (docs/scoring.md): the weighted score is Σ(weight × level) / Σ(weight) over the
 * criteria that have a level, on the 1–4 scale; the suggested recommendation maps it to the four points
 * (below 1.75 strong no hire, below 2.5 no hire, below 3.25 hire, otherwise strong hire).
 */
public final class Scoring {
    private Scoring() {}

    /** The weighted score, or null when no criterion has a level yet. */
    public static Double weightedScore(RubricContent rubric, Map<String, Integer> levels) {
        double sum = 0;
        int weights = 0;
        for (RubricContent.Criterion c : rubric.criteria()) {
            Integer level = levels.get(c.id());
            if (level != null) {
                sum += c.weight() * level;
                weights += c.weight();
            }
        }
        return weights == 0 ? null : Math.round(sum / weights * 100) / 100.0;
    }

    public static Recommendation suggested(double score) {
        if (score < 1.75) {
            return Recommendation.STRONG_NO_HIRE;
        }
        if (score < 2.5) {
            return Recommendation.NO_HIRE;
        }
        return score < 3.25 ? Recommendation.HIRE : Recommendation.STRONG_HIRE;
    }
}
