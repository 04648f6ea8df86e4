package io.mockboard.template;

import java.util.Map;
import java.util.UUID;

/**
 * A template as the gallery and the API show it (without its scene). {@code interviewerPrompt} is for
 * interviewers only; templates are never shown to candidates.
 */
public record TemplateSummary(UUID id, String slug, String title, String framework, String caseStudy, String variant,
        String description, String interviewerPrompt, String candidatePrompt, Map<String, Integer> stepBudgets,
        int elementCount, int componentCount, String createdBy) {

    public boolean builtIn() {
        return createdBy == null;
    }

    public int totalMinutes() {
        return stepBudgets.values().stream().mapToInt(Integer::intValue).sum();
    }
}
