package io.mockboard.template.catalog;

import io.mockboard.template.layout.Scene;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One template of the catalog.
 *
 * @param slug              stable id and file name
 * @param title             shown in the template gallery
 * @param framework         the interview framework the board follows
 * @param caseStudy         the case study's slug, or null when the template is not about one
 * @param variant           scaffold, blank, reference or building block
 * @param description       one line for the gallery
 * @param interviewerPrompt what the interviewer listens for (never shown to the candidate)
 * @param candidatePrompt   the question as the candidate reads it
 * @param stepBudgets       minutes per step id, in step order (empty for building blocks)
 * @param scene             the pre-drawn elements
 */
public record TemplateDefinition(
        String slug,
        String title,
        Framework framework,
        String caseStudy,
        Variant variant,
        String description,
        String interviewerPrompt,
        String candidatePrompt,
        Map<String, Integer> stepBudgets,
        Scene scene) {

    public TemplateDefinition {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(interviewerPrompt, "interviewerPrompt");
        Objects.requireNonNull(candidatePrompt, "candidatePrompt");
        Objects.requireNonNull(scene, "scene");
        stepBudgets = Collections.unmodifiableMap(new LinkedHashMap<>(stepBudgets));
        if ((caseStudy == null) == (variant == Variant.BLANK || variant == Variant.REFERENCE)) {
            throw new IllegalArgumentException(slug + ": blank and reference templates, and only they, name a case study");
        }
    }

    /** Total minutes of the step budgets. */
    public int totalMinutes() {
        return stepBudgets.values().stream().mapToInt(Integer::intValue).sum();
    }
}
