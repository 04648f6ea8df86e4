package io.mockboard.template.catalog;

import static io.mockboard.template.ComponentKind.ANN_INDEX;
import static io.mockboard.template.ComponentKind.BATCH_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.CANDIDATE_GENERATION;
import static io.mockboard.template.ComponentKind.CLIENT;
import static io.mockboard.template.ComponentKind.DATA_LAKE;
import static io.mockboard.template.ComponentKind.EMBEDDING_SERVICE;
import static io.mockboard.template.ComponentKind.EVALUATION_AB_TEST;
import static io.mockboard.template.ComponentKind.FEATURE_STORE;
import static io.mockboard.template.ComponentKind.INDEXING_PIPELINE;
import static io.mockboard.template.ComponentKind.KV_STORE_CACHE;
import static io.mockboard.template.ComponentKind.LABELING_HUMAN_REVIEW;
import static io.mockboard.template.ComponentKind.MODEL_REGISTRY;
import static io.mockboard.template.ComponentKind.MODEL_SERVER;
import static io.mockboard.template.ComponentKind.OBJECT_STORAGE;
import static io.mockboard.template.ComponentKind.RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.RE_RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.STREAM_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.STREAM_QUEUE;
import static io.mockboard.template.ComponentKind.TRAINING_PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.template.ComponentKind;
import io.mockboard.template.SceneInvariants;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog covers interview-domain.md: every case study, its reference components, the budgets. */
class CaseStudyCoverageTest {

    /** What interview-domain.md §2 names for each case study, in the component vocabulary. */
    private static final Map<CaseStudy, Set<ComponentKind>> DOMAIN = new EnumMap<>(Map.of(
            CaseStudy.VISUAL_SEARCH, Set.of(CLIENT, EMBEDDING_SERVICE, ANN_INDEX, RE_RANKING_SERVICE,
                    OBJECT_STORAGE, INDEXING_PIPELINE),
            CaseStudy.STREET_VIEW_BLURRING, Set.of(OBJECT_STORAGE, MODEL_SERVER, STREAM_QUEUE,
                    LABELING_HUMAN_REVIEW, TRAINING_PIPELINE),
            CaseStudy.YOUTUBE_VIDEO_SEARCH, Set.of(ANN_INDEX, CANDIDATE_GENERATION, RE_RANKING_SERVICE,
                    INDEXING_PIPELINE, EMBEDDING_SERVICE),
            CaseStudy.HARMFUL_CONTENT_DETECTION, Set.of(MODEL_SERVER, RE_RANKING_SERVICE, LABELING_HUMAN_REVIEW,
                    TRAINING_PIPELINE),
            CaseStudy.VIDEO_RECOMMENDATION, Set.of(CANDIDATE_GENERATION, ANN_INDEX, RANKING_SERVICE, FEATURE_STORE,
                    RE_RANKING_SERVICE),
            CaseStudy.EVENT_RECOMMENDATION, Set.of(CANDIDATE_GENERATION, RANKING_SERVICE, FEATURE_STORE,
                    BATCH_FEATURE_JOB, STREAM_FEATURE_JOB, TRAINING_PIPELINE, EVALUATION_AB_TEST),
            CaseStudy.AD_CLICK_PREDICTION, Set.of(DATA_LAKE, STREAM_QUEUE, BATCH_FEATURE_JOB, STREAM_FEATURE_JOB,
                    FEATURE_STORE, TRAINING_PIPELINE, EVALUATION_AB_TEST, MODEL_REGISTRY, CANDIDATE_GENERATION,
                    RANKING_SERVICE, RE_RANKING_SERVICE),
            CaseStudy.SIMILAR_LISTINGS, Set.of(TRAINING_PIPELINE, INDEXING_PIPELINE, EMBEDDING_SERVICE, ANN_INDEX,
                    RE_RANKING_SERVICE),
            CaseStudy.PERSONALIZED_NEWS_FEED, Set.of(CANDIDATE_GENERATION, RANKING_SERVICE, RE_RANKING_SERVICE,
                    FEATURE_STORE, BATCH_FEATURE_JOB, STREAM_FEATURE_JOB),
            CaseStudy.PEOPLE_YOU_MAY_KNOW, Set.of(DATA_LAKE, BATCH_FEATURE_JOB, CANDIDATE_GENERATION,
                    RANKING_SERVICE, KV_STORE_CACHE, CLIENT, MODEL_SERVER)));

    private static final List<TemplateDefinition> TEMPLATES = Catalog.templates();

    private static TemplateDefinition find(String slug) {
        return TEMPLATES.stream().filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + slug));
    }

    @Test
    @DisplayName("[T13] the test table covers every case study")
    void tableIsComplete() {
        assertThat(DOMAIN.keySet()).containsExactlyInAnyOrder(CaseStudy.values());
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    @DisplayName("[T13] each case study has a blank and a reference variant")
    void hasBothVariants(CaseStudy study) {
        TemplateDefinition blank = find(study.slug() + "-blank");
        TemplateDefinition reference = find(study.slug() + "-reference");
        assertThat(blank.variant()).isEqualTo(Variant.BLANK);
        assertThat(reference.variant()).isEqualTo(Variant.REFERENCE);
        assertThat(blank.caseStudy()).isEqualTo(study.slug());
        assertThat(reference.caseStudy()).isEqualTo(study.slug());
        assertThat(new SceneInvariants(blank.scene().toJson()).kinds()).isEmpty();
        assertThat(texts(blank)).anySatisfy(text -> assertThat(text).contains(study.title()));
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    @DisplayName("[T13] the reference variant draws the components interview-domain.md names")
    void referenceHasDomainKinds(CaseStudy study) {
        SceneInvariants scene = new SceneInvariants(find(study.slug() + "-reference").scene().toJson());
        Set<String> drawn = scene.kinds().keySet();
        assertThat(drawn).containsAll(DOMAIN.get(study).stream().map(ComponentKind::wire).toList());
        assertThat(scene.ofType("arrow")).hasSizeGreaterThanOrEqualTo(drawn.size() - 1);
        assertThat(scene.ofType("frame")).anySatisfy(frame ->
                assertThat(frame.get("customData").get("step").textValue()).isEqualTo(ReferenceArchitecture.STEP));
    }

    @Test
    @DisplayName("[T14] interview templates budget 45-60 minutes; building blocks have no budget")
    void budgetsFitARound() {
        for (TemplateDefinition template : TEMPLATES) {
            if (template.variant() == Variant.BUILDING_BLOCK) {
                assertThat(template.stepBudgets()).as(template.slug()).isEmpty();
            } else {
                assertThat(template.totalMinutes()).as(template.slug()).isBetween(45, 60);
                assertThat(template.stepBudgets()).isEqualTo(template.framework().budgets());
            }
        }
    }

    @Test
    @DisplayName("[T14] the ML budgets are interview-domain.md's 5/5/8/12/5/7/3")
    void mlBudgetsFollowTheDomain() {
        assertThat(Framework.ML_SYSTEM_DESIGN.budgets()).containsExactly(
                Map.entry("clarify", 5), Map.entry("frame-as-ml-task", 5), Map.entry("data", 8),
                Map.entry("model", 12), Map.entry("evaluation", 5), Map.entry("serving", 7),
                Map.entry("monitoring", 3));
    }

    @Test
    @DisplayName("[T14] general system design budgets lie in interview-domain.md's ranges")
    void generalBudgetsLieInRanges() {
        Map<String, Integer> budgets = Framework.SYSTEM_DESIGN.budgets();
        assertThat(budgets.keySet()).containsExactly("scope", "high-level-design", "deep-dive", "wrap-up");
        assertThat(budgets.get("scope")).isBetween(3, 10);
        assertThat(budgets.get("high-level-design")).isBetween(10, 15);
        assertThat(budgets.get("deep-dive")).isBetween(10, 25);
        assertThat(budgets.get("wrap-up")).isBetween(3, 5);
    }

    @Test
    @DisplayName("[T14] interview templates have one frame per step, in step order")
    void oneFramePerStep() {
        for (TemplateDefinition template : TEMPLATES) {
            if (template.variant() == Variant.BUILDING_BLOCK) {
                continue;
            }
            List<String> steps = new SceneInvariants(template.scene().toJson()).ofType("frame").stream()
                    .map(frame -> frame.get("customData").get("step").textValue())
                    .filter(step -> !step.equals(ReferenceArchitecture.STEP))
                    .toList();
            assertThat(steps).as(template.slug()).containsExactlyElementsOf(template.stepBudgets().keySet());
        }
    }

    @Test
    @DisplayName("[T14] the ML scaffold asks the framework's guiding questions")
    void scaffoldAsksTheQuestions() {
        String all = String.join("\n", texts(find("ml-system-design-scaffold")));
        assertThat(all).contains("business metric", "MAU", "QPS", "Latency budget", "Offline ↔ online",
                "Online inference", "batch inference", "Drift monitoring", "Static features", "baseline");
    }

    @Test
    @DisplayName("[T14] there are the four building blocks and both scaffolds")
    void catalogueHasBlocksAndScaffolds() {
        assertThat(TEMPLATES.stream().filter(t -> t.variant() == Variant.BUILDING_BLOCK).map(TemplateDefinition::slug))
                .containsExactly("block-two-stage-ranking", "block-online-vs-batch-inference", "block-feature-store",
                        "block-monitoring-retraining-loop");
        assertThat(find("ml-system-design-scaffold").framework()).isEqualTo(Framework.ML_SYSTEM_DESIGN);
        assertThat(find("system-design-scaffold").framework()).isEqualTo(Framework.SYSTEM_DESIGN);
        assertThat(TEMPLATES).hasSize(2 + 2 * CaseStudy.values().length + 4);
    }

    private static List<String> texts(TemplateDefinition template) {
        return new SceneInvariants(template.scene().toJson()).ofType("text").stream()
                .map(text -> text.get("text").textValue().replace("\n   ", " ").replace("\n", " "))
                .toList();
    }
}
