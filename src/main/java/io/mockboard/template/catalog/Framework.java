package io.mockboard.template.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The interview frameworks a template follows (interview-domain.md §1). */
public enum Framework {
    /** The 7-step ML system design framework (Xu &amp; Aminian), 45 minutes. */
    ML_SYSTEM_DESIGN("ml-system-design", "ML system design", FrameworkSteps.ML),
    /** The general system design 4-step framework (Xu vol. 1), 45 minutes. */
    SYSTEM_DESIGN("system-design", "System design", FrameworkSteps.GENERAL);

    private final String wire;
    private final String title;
    private final List<FrameworkStep> steps;

    Framework(String wire, String title, List<FrameworkStep> steps) {
        this.wire = wire;
        this.title = title;
        this.steps = steps;
    }

    public String wire() {
        return wire;
    }

    public String title() {
        return title;
    }

    public List<FrameworkStep> steps() {
        return steps;
    }

    /** Minutes per step id, in step order. */
    public Map<String, Integer> budgets() {
        Map<String, Integer> budgets = new LinkedHashMap<>();
        steps.forEach(step -> budgets.put(step.id(), step.minutes()));
        return budgets;
    }

    public int totalMinutes() {
        return steps.stream().mapToInt(FrameworkStep::minutes).sum();
    }
}
