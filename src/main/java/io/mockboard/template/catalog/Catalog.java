package io.mockboard.template.catalog;

import java.util.ArrayList;
import java.util.List;

/** Every template, in gallery order: the ML scaffold, each case study (blank, reference), the building
 * blocks, the general system design scaffold. */
public final class Catalog {

    private Catalog() {
    }

    public static List<TemplateDefinition> templates() {
        List<TemplateDefinition> templates = new ArrayList<>();
        templates.add(Scaffolds.mlScaffold());
        for (CaseStudy study : CaseStudy.values()) {
            templates.add(Scaffolds.blank(study));
            templates.add(Scaffolds.reference(study));
        }
        templates.addAll(BuildingBlocks.all());
        templates.add(Scaffolds.systemDesignScaffold());
        return List.copyOf(templates);
    }
}
