package io.mockboard.rubric;

import io.mockboard.session.SessionSummary;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import jakarta.enterprise.context.ApplicationScoped;

/** Which rubric a session is scored with: the one chosen for it, else the shipped rubric of its template's framework. */
@ApplicationScoped
public class SessionRubrics {
    private final RubricService rubrics;
    private final TemplateService templates;

    SessionRubrics(RubricService rubrics, TemplateService templates) {
        this.rubrics = rubrics;
        this.templates = templates;
    }

    public Rubric rubricOf(SessionSummary session) {
        if (session.rubricId() != null) {
            return rubrics.get(session.rubricId());
        }
        String framework = session.templateId() == null ? "ml-system-design"
                : templates.find(session.templateId()).map(TemplateSummary::framework).orElse("ml-system-design");
        return rubrics.forFramework(framework);
    }
}
