package io.mockboard.template.catalog;

import io.mockboard.template.layout.FrameBuilder;
import io.mockboard.template.layout.SceneBuilder;
import java.util.Map;

/** The framework scaffolds and the two variants of every case study. */
final class Scaffolds {

    private static final double ML_FRAME_WIDTH = 720;
    private static final double ML_DRAWING_ROOM = 320;
    private static final double GENERAL_FRAME_WIDTH = 960;
    private static final double GENERAL_DRAWING_ROOM = 480;

    private Scaffolds() {
    }

    static TemplateDefinition mlScaffold() {
        String slug = "ml-system-design-scaffold";
        Framework framework = Framework.ML_SYSTEM_DESIGN;
        SceneBuilder scene = mlScene(slug)
                .title("ML system design interview · 7-step framework")
                .paragraph("Work through the frames in order. Each frame lists what to cover and its time budget ("
                        + framework.totalMinutes() + " minutes in all); draw in its empty space.");
        addStepFrames(scene, framework, ML_DRAWING_ROOM);
        return new TemplateDefinition(slug, "ML system design: 7-step framework", framework, null,
                Variant.SCAFFOLD, "Seven empty step frames with guiding questions and time budgets.",
                "Pace the round with the frames and score one rubric row per step. When a step's budget runs "
                        + "out, move the candidate on; note what they skipped.",
                "Design the ML system you are asked about, working through the seven frames in order.",
                framework.budgets(), scene.build());
    }

    static TemplateDefinition systemDesignScaffold() {
        String slug = "system-design-scaffold";
        Framework framework = Framework.SYSTEM_DESIGN;
        SceneBuilder scene = SceneBuilder.create(slug).framesPerRow(2).frameWidth(GENERAL_FRAME_WIDTH)
                .title("System design interview · 4-step framework")
                .paragraph("Scope the problem, propose a high-level design and get buy-in, dive deep, wrap up ("
                        + framework.totalMinutes() + " minutes in all).");
        addStepFrames(scene, framework, GENERAL_DRAWING_ROOM);
        return new TemplateDefinition(slug, "System design: 4-step framework", framework, null, Variant.SCAFFOLD,
                "Four step frames for a general system design round.",
                "Pace the round with the frames. Red flags: over-engineering, narrow-mindedness, stubbornness.",
                "Design the system you are asked about, working through the four frames in order.",
                framework.budgets(), scene.build());
    }

    static TemplateDefinition blank(CaseStudy study) {
        String slug = study.slug() + "-blank";
        SceneBuilder scene = caseStudyScene(slug, study);
        return caseStudyTemplate(slug, study, Variant.BLANK, study.title() + " (blank)",
                study.title() + ": the prompt over the seven empty step frames.", scene);
    }

    static TemplateDefinition reference(CaseStudy study) {
        String slug = study.slug() + "-reference";
        SceneBuilder scene = caseStudyScene(slug, study).newRow();
        ReferenceArchitecture.draw(study, scene, scene.frame("Reference architecture", ReferenceArchitecture.STEP));
        return caseStudyTemplate(slug, study, Variant.REFERENCE, study.title() + " (reference)",
                study.title() + ": the seven step frames plus the reference architecture.", scene);
    }

    private static SceneBuilder caseStudyScene(String slug, CaseStudy study) {
        SceneBuilder scene = mlScene(slug).title("Case study · " + study.title()).paragraph(study.candidatePrompt());
        addStepFrames(scene, Framework.ML_SYSTEM_DESIGN, ML_DRAWING_ROOM);
        return scene;
    }

    private static TemplateDefinition caseStudyTemplate(String slug, CaseStudy study, Variant variant, String title,
            String description, SceneBuilder scene) {
        Map<String, Integer> budgets = Framework.ML_SYSTEM_DESIGN.budgets();
        return new TemplateDefinition(slug, title, Framework.ML_SYSTEM_DESIGN, study.slug(), variant, description,
                study.interviewerPrompt(), study.candidatePrompt(), budgets, scene.build());
    }

    private static SceneBuilder mlScene(String slug) {
        return SceneBuilder.create(slug).framesPerRow(4).frameWidth(ML_FRAME_WIDTH);
    }

    private static void addStepFrames(SceneBuilder scene, Framework framework, double drawingRoom) {
        for (FrameworkStep step : framework.steps()) {
            FrameBuilder frame = scene.frame(step.name(), step.id());
            frame.heading(step.name() + " · " + step.minutes() + " min").bullets(step.questions()).space(drawingRoom);
        }
    }
}
