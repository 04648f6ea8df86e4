package io.mockboard.rubric;

import io.mockboard.core.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of a rubric: criteria (usually one per framework step, plus communication), each with a weight,
 * a descriptor per level of a 4-point scale and concrete red flags / positive signals. Immutable once stored.
 */
public record RubricContent(String slug, String title, String framework, String description, List<ScaleLevel> scale,
        List<Criterion> criteria) {

    public static final int LEVELS = 4;

    public record ScaleLevel(int level, String label) {}

    public record LevelAnchor(int level, String descriptor) {}

    public record Criterion(String id, String title, String step, int weight, String description, List<LevelAnchor> levels,
            List<String> redFlags, List<String> positiveSignals) {

        public Criterion {
            levels = levels == null ? List.of() : List.copyOf(levels);
            redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
            positiveSignals = positiveSignals == null ? List.of() : List.copyOf(positiveSignals);
        }

        /** The descriptor of one level, or "". */
        public String anchor(int level) {
            return levels.stream().filter(l -> l.level() == level).map(LevelAnchor::descriptor).findFirst().orElse("");
        }
    }

    public RubricContent {
        scale = scale == null ? List.of() : List.copyOf(scale);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** Total weight (scores are weighted by weight / total, so weights need not add up to 100). */
    public int totalWeight() {
        return criteria.stream().mapToInt(Criterion::weight).sum();
    }

    public Criterion criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.invalid("'" + id + "' is not a criterion of this rubric"));
    }

    /** Checks everything a user could get wrong, with a message that says what. */
    public RubricContent validated() {
        require(title != null && !title.isBlank() && title.length() <= 120, "A rubric's title has 1 to 120 characters");
        require(description == null || description.length() <= 2000, "A rubric's description has at most 2000 characters");
        require(!criteria.isEmpty() && criteria.size() <= 20, "A rubric has 1 to 20 criteria");
        Set<String> ids = new HashSet<>();
        for (Criterion c : criteria) {
            String name = c.title() == null || c.title().isBlank() ? "A criterion" : "'" + c.title() + "'";
            require(c.id() != null && c.id().matches("[a-z0-9][a-z0-9-]{0,39}"), name + " needs an id of lower-case letters, digits and '-'");
            require(ids.add(c.id()), "Two criteria share the id '" + c.id() + "'");
            require(c.title() != null && !c.title().isBlank() && c.title().length() <= 60, "A criterion's title has 1 to 60 characters");
            require(c.weight() >= 1 && c.weight() <= 100, name + ": a weight is between 1 and 100");
            require(c.description() == null || c.description().length() <= 600, name + ": the description has at most 600 characters");
            require(c.levels().size() == LEVELS, name + " needs a descriptor for each of the " + LEVELS + " levels");
            for (int level = 1; level <= LEVELS; level++) {
                String anchor = c.anchor(level);
                require(!anchor.isBlank() && anchor.length() <= 600, name + ": level " + level + " needs a descriptor of up to 600 characters");
            }
            require(c.redFlags().size() <= 10 && c.positiveSignals().size() <= 10, name + ": at most 10 red flags and 10 signals");
            require(c.redFlags().stream().allMatch(f -> f != null && !f.isBlank() && f.length() <= 300)
                    && c.positiveSignals().stream().allMatch(f -> f != null && !f.isBlank() && f.length() <= 300),
                    name + ": red flags and signals are 1 to 300 characters each");
        }
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw DomainException.invalid(message);
        }
    }

    public RubricContent withTitle(String newTitle) {
        return new RubricContent(null, Objects.requireNonNullElse(newTitle, title), framework, description, scale, criteria);
    }
}
