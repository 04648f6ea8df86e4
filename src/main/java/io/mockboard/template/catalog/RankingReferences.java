package io.mockboard.template.catalog;

import static io.mockboard.template.ComponentKind.ANN_INDEX;
import static io.mockboard.template.ComponentKind.BATCH_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.CANDIDATE_GENERATION;
import static io.mockboard.template.ComponentKind.CLIENT;
import static io.mockboard.template.ComponentKind.DATA_LAKE;
import static io.mockboard.template.ComponentKind.EVALUATION_AB_TEST;
import static io.mockboard.template.ComponentKind.FEATURE_STORE;
import static io.mockboard.template.ComponentKind.MODEL_REGISTRY;
import static io.mockboard.template.ComponentKind.NOSQL_STORE;
import static io.mockboard.template.ComponentKind.RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.RE_RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.STREAM_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.STREAM_QUEUE;
import static io.mockboard.template.ComponentKind.TRAINING_PIPELINE;

import io.mockboard.template.layout.Component;
import io.mockboard.template.layout.FrameBuilder;
import io.mockboard.template.layout.GridBuilder;
import io.mockboard.template.layout.SceneBuilder;
import java.util.List;

/** Reference architectures of recommendation and ranking funnels. */
final class RankingReferences {

    private RankingReferences() {
    }

    static List<String> videoRecommendation(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid();
        Component ann = grid.place(0, 0, ANN_INDEX, "ANN over video embeddings");
        Component user = grid.place(1, 0, CLIENT, "User opens the home page");
        Component relevant = grid.place(0, 1, CANDIDATE_GENERATION, "Relevant: two-tower + ANN");
        Component popular = grid.place(1, 1, CANDIDATE_GENERATION, "Popular");
        Component trending = grid.place(2, 1, CANDIDATE_GENERATION, "Trending");
        Component features = grid.place(0, 2, FEATURE_STORE, "Video feature store");
        Component scoring = grid.place(1, 2, RANKING_SERVICE, "Scoring: heavier model (thousands → hundreds)");
        Component rerank = grid.place(1, 3, RE_RANKING_SERVICE,
                "Re-ranking: region, freshness, misinformation, dedupe, fairness");
        Component feed = grid.place(1, 4, CLIENT, "Home feed (dozens)");
        scene.connect(ann, relevant).connect(user, relevant).connect(user, popular).connect(user, trending)
                .connect(relevant, scoring).connect(popular, scoring).connect(trending, scoring)
                .connect(features, scoring).connect(scoring, rerank).connect(rerank, feed);
        return List.of(
                "Candidate generation narrows billions of videos to thousands",
                "Matrix factorisation vs two-tower; cold start for new users and new videos",
                "Offline: precision@k, mAP, diversity · online: CTR, completed videos, watch time");
    }

    static List<String> eventRecommendation(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid();
        Component user = grid.place(0, 0, CLIENT, "User opens the events page");
        Component filter = grid.place(0, 1, CANDIDATE_GENERATION, "Event filtering: location, date");
        Component ranking = grid.place(0, 2, RANKING_SERVICE, "Ranking service (LTR) + feature computation");
        Component results = grid.place(0, 3, CLIENT, "Ranked events");
        Component lake = grid.place(1, 0, DATA_LAKE, "User and event data");
        Component batch = grid.place(1, 1, BATCH_FEATURE_JOB, "Static features (batch)");
        Component features = grid.place(1, 2, FEATURE_STORE, "Feature store");
        Component registry = grid.place(1, 3, MODEL_REGISTRY, "Deploy (model registry)");
        Component stream = grid.place(2, 0, STREAM_QUEUE, "Interaction events");
        Component online = grid.place(2, 1, STREAM_FEATURE_JOB, "Dynamic features (streaming)");
        Component learner = grid.place(2, 2, TRAINING_PIPELINE, "Learner (online learning)");
        Component evaluator = grid.place(2, 3, EVALUATION_AB_TEST, "Evaluator");
        scene.connect(user, filter).connect(filter, ranking).connect(ranking, results)
                .connect(lake, batch).connect(batch, features).connect(stream, online).connect(online, features)
                .connect(features, ranking).connect(features, learner).connect(learner, evaluator)
                .connect(evaluator, registry).connect(registry, ranking);
        return List.of(
                "Learning to rank: pointwise, pairwise or listwise",
                "Static features change rarely (batch); dynamic ones (time to event, recent activity) stream",
                "Events are short-lived: every event is a cold start, so features matter more than ids");
    }

    static List<String> adClickPrediction(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid();
        Component user = grid.place(0, 0, CLIENT, "User loads a page");
        Component targeting = grid.place(0, 1, CANDIDATE_GENERATION, "Candidate generation (targeting)");
        Component ranking = grid.place(0, 2, RANKING_SERVICE, "Ranking: predicted CTR");
        Component rerank = grid.place(0, 3, RE_RANKING_SERVICE, "Re-ranking");
        Component shown = grid.place(0, 4, CLIENT, "Ads shown");
        Component pool = grid.place(1, 1, NOSQL_STORE, "Ad pool");
        Component registry = grid.place(1, 3, MODEL_REGISTRY, "Model registry");
        Component lake = grid.place(2, 0, DATA_LAKE, "Data lake: impressions, clicks");
        Component batch = grid.place(2, 1, BATCH_FEATURE_JOB, "Batch feature computation (static)");
        Component features = grid.place(2, 2, FEATURE_STORE, "Feature store");
        Component training = grid.place(2, 3, TRAINING_PIPELINE, "Dataset generation + fine-tune on new data");
        Component validate = grid.place(2, 4, EVALUATION_AB_TEST, "Validate");
        Component stream = grid.place(3, 0, STREAM_QUEUE, "Impression and click stream");
        Component online = grid.place(3, 1, STREAM_FEATURE_JOB, "Online features: impression, click counts");
        scene.connect(user, targeting).connect(pool, targeting).connect(targeting, ranking)
                .connect(ranking, rerank).connect(rerank, shown)
                .connect(lake, batch).connect(batch, features).connect(stream, online).connect(online, features)
                .connect(features, ranking).connect(features, training).connect(training, validate)
                .connect(validate, registry).connect(registry, ranking);
        return List.of(
                "Pointwise LTR as binary classification: LR → feature crosses → GBDT → GBDT+LR → DCN / FM / DeepFM",
                "Batch prediction is ruled out: the features are dynamic",
                "Offline: cross-entropy, normalised cross-entropy · online: CTR, conversion, revenue lift, hide rate");
    }

    static List<String> newsFeed(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid();
        Component user = grid.place(0, 0, CLIENT, "User opens the feed");
        Component retrieval = grid.place(0, 1, CANDIDATE_GENERATION, "Retrieval: posts from friends and follows");
        Component ranking = grid.place(0, 2, RANKING_SERVICE, "Multi-task DNN: click, like, share, dwell, skip");
        Component rerank = grid.place(0, 3, RE_RANKING_SERVICE, "Re-ranking: diversity, dedupe");
        Component feed = grid.place(0, 4, CLIENT, "Personalized feed");
        Component lake = grid.place(1, 0, DATA_LAKE, "Users, posts, authors");
        Component batch = grid.place(1, 1, BATCH_FEATURE_JOB, "Batch features");
        Component features = grid.place(1, 2, FEATURE_STORE, "Feature store");
        Component registry = grid.place(1, 3, MODEL_REGISTRY, "Model registry");
        Component stream = grid.place(2, 1, STREAM_QUEUE, "Engagement events");
        Component online = grid.place(2, 2, STREAM_FEATURE_JOB, "Online features");
        Component training = grid.place(2, 3, TRAINING_PIPELINE, "Train the multi-task DNN");
        scene.connect(user, retrieval).connect(retrieval, ranking).connect(ranking, rerank).connect(rerank, feed)
                .connect(lake, batch).connect(batch, features).connect(stream, online).connect(online, features)
                .connect(features, ranking).connect(features, training).connect(training, registry)
                .connect(registry, ranking);
        return List.of(
                "One head per engagement type; the ranking score weighs the heads' predictions",
                "Passive users: dwell time and skips carry signal that clicks miss");
    }
}
