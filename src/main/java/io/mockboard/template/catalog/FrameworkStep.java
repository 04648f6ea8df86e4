package io.mockboard.template.catalog;

import java.util.List;

/**
 * One step of an interview framework.
 *
 * @param id        stable id, used in {@code customData.step} and in step budgets
 * @param number    position in the framework, from 1
 * @param title     what the step is called
 * @param minutes   time budget in a typical round
 * @param questions what the candidate covers, as guiding questions
 */
public record FrameworkStep(String id, int number, String title, int minutes, List<String> questions) {

    public FrameworkStep {
        questions = List.copyOf(questions);
        if (minutes < 1) {
            throw new IllegalArgumentException("a step needs a budget: " + id);
        }
    }

    /** "1 · Clarify requirements". */
    public String name() {
        return number + " · " + title;
    }
}
