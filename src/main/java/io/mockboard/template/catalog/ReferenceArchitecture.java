package io.mockboard.template.catalog;

import io.mockboard.template.layout.FrameBuilder;
import io.mockboard.template.layout.SceneBuilder;
import java.util.List;

/**
 * Draws a case study's reference architecture (interview-domain.md §2) as typed components and data-flow
 * arrows in one frame, with the talking points that do not draw as boxes listed underneath.
 */
final class ReferenceArchitecture {

    /** The {@code customData.step} of the reference architecture frame (it spans several steps). */
    static final String STEP = "reference-architecture";

    private ReferenceArchitecture() {
    }

    static void draw(CaseStudy study, SceneBuilder scene, FrameBuilder frame) {
        frame.heading("Reference architecture · " + study.title());
        List<String> notes = switch (study) {
            case VISUAL_SEARCH -> SearchReferences.visualSearch(scene, frame);
            case YOUTUBE_VIDEO_SEARCH -> SearchReferences.videoSearch(scene, frame);
            case SIMILAR_LISTINGS -> SearchReferences.similarListings(scene, frame);
            case VIDEO_RECOMMENDATION -> RankingReferences.videoRecommendation(scene, frame);
            case EVENT_RECOMMENDATION -> RankingReferences.eventRecommendation(scene, frame);
            case AD_CLICK_PREDICTION -> RankingReferences.adClickPrediction(scene, frame);
            case PERSONALIZED_NEWS_FEED -> RankingReferences.newsFeed(scene, frame);
            case STREET_VIEW_BLURRING -> PipelineReferences.streetViewBlurring(scene, frame);
            case HARMFUL_CONTENT_DETECTION -> PipelineReferences.harmfulContent(scene, frame);
            case PEOPLE_YOU_MAY_KNOW -> PipelineReferences.peopleYouMayKnow(scene, frame);
        };
        frame.bullets(notes);
    }
}
