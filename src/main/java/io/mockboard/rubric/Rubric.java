package io.mockboard.rubric;

import java.util.UUID;

/** A rubric at one version. {@code createdBy} is null for the shipped rubrics, which are copied rather than edited. */
public record Rubric(UUID id, UUID versionId, int version, String slug, String createdBy, RubricContent content) {
    public boolean builtIn() {
        return createdBy == null;
    }
}
