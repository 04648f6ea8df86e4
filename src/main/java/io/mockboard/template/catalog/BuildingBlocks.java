package io.mockboard.template.catalog;

import static io.mockboard.template.ComponentKind.ANN_INDEX;
import static io.mockboard.template.ComponentKind.API_GATEWAY;
import static io.mockboard.template.ComponentKind.BATCH_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.CANDIDATE_GENERATION;
import static io.mockboard.template.ComponentKind.CLIENT;
import static io.mockboard.template.ComponentKind.DATA_LAKE;
import static io.mockboard.template.ComponentKind.DRIFT_DETECTOR;
import static io.mockboard.template.ComponentKind.EVALUATION_AB_TEST;
import static io.mockboard.template.ComponentKind.FEATURE_STORE;
import static io.mockboard.template.ComponentKind.KV_STORE_CACHE;
import static io.mockboard.template.ComponentKind.LOGGING;
import static io.mockboard.template.ComponentKind.MODEL_REGISTRY;
import static io.mockboard.template.ComponentKind.MODEL_SERVER;
import static io.mockboard.template.ComponentKind.MONITORING;
import static io.mockboard.template.ComponentKind.NOSQL_STORE;
import static io.mockboard.template.ComponentKind.RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.RETRAINING_TRIGGER;
import static io.mockboard.template.ComponentKind.RE_RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.STREAM_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.STREAM_QUEUE;
import static io.mockboard.template.ComponentKind.TRAINING_PIPELINE;

import io.mockboard.template.layout.Component;
import io.mockboard.template.layout.GridBuilder;
import io.mockboard.template.layout.Route;
import io.mockboard.template.layout.SceneBuilder;
import java.util.List;
import java.util.Map;

/** Cross-cutting patterns that recur across case studies, one small board each. */
final class BuildingBlocks {

    private BuildingBlocks() {
    }

    static List<TemplateDefinition> all() {
        return List.of(twoStageRanking(), onlineVsBatch(), featureStore(), monitoringLoop());
    }

    static TemplateDefinition twoStageRanking() {
        Block block = new Block("block-two-stage-ranking", "Two-stage retrieval → ranking → re-ranking",
                "A cheap, high-recall retrieval stage narrows the catalogue; a heavier ranker orders the rest.");
        GridBuilder grid = block.frame("serving");
        Component user = grid.place(0, 0, CLIENT, "User request");
        Component retrieval = grid.place(0, 1, CANDIDATE_GENERATION, "Candidate generation: billions → thousands");
        Component ranking = grid.place(0, 2, RANKING_SERVICE, "Ranking: thousands → hundreds");
        Component rerank = grid.place(0, 3, RE_RANKING_SERVICE, "Re-ranking: rules, diversity → dozens");
        Component results = grid.place(0, 4, CLIENT, "Results");
        Component ann = grid.place(1, 1, ANN_INDEX, "ANN index of item embeddings");
        Component features = grid.place(1, 2, FEATURE_STORE, "Feature store");
        block.scene.connect(user, retrieval).connect(retrieval, ranking).connect(ranking, rerank)
                .connect(rerank, results).connect(ann, retrieval).connect(features, ranking);
        grid.end().bullets(List.of(
                "Retrieval favours recall and speed: two-tower + ANN, several generators",
                "Ranking favours precision: a heavier model with richer features on few candidates",
                "Re-ranking applies what the model should not learn: filters, freshness, fairness, dedupe"));
        return block.template("Probe why two stages, how many candidates each stage passes on, and how "
                + "the stages are trained and evaluated separately.");
    }

    static TemplateDefinition onlineVsBatch() {
        Block block = new Block("block-online-vs-batch-inference", "Online vs batch inference",
                "Compute predictions per request, or precompute them and look them up.");
        GridBuilder grid = block.frame("serving").caption(0, 0, "Online: per request")
                .caption(1, 0, "Batch: precompute").caption(2, 0, "Batch: read path");
        Component app = grid.place(0, 1, CLIENT, "App request");
        Component api = grid.place(0, 2, API_GATEWAY, "Prediction API (REST)");
        Component server = grid.place(0, 3, MODEL_SERVER, "Model server computes on the fly");
        Component features = grid.place(0, 4, FEATURE_STORE, "Feature store");
        Component lake = grid.place(1, 1, DATA_LAKE, "Data lake");
        Component job = grid.place(1, 2, MODEL_SERVER, "Batch scoring job (scheduled)");
        Component predictions = grid.place(1, 3, KV_STORE_CACHE, "Predictions (Redis)");
        Component reader = grid.place(2, 1, CLIENT, "App request");
        Component lookup = grid.place(2, 2, API_GATEWAY, "Prediction API: key lookup");
        block.scene.connect(app, api).connect(api, server).connect(features, server)
                .connect(lake, job).connect(job, predictions)
                .connect(reader, lookup).connect(lookup, predictions);
        grid.end().bullets(List.of(
                "Online: fresh features and any input, but compute-heavy and bound by the latency budget",
                "Batch: cheap lookups, no latency risk, but stale and only for inputs known in advance",
                "Dynamic features (ad clicks, live context) rule batch out"));
        return block.template("Ask which one the case needs and why; strong answers mix both (precomputed "
                + "candidates, online ranking).");
    }

    static TemplateDefinition featureStore() {
        Block block = new Block("block-feature-store", "Feature store: batch and streaming features",
                "Static features computed in batch and kept in a NoSQL store; dynamic features from a stream "
                        + "processor, cached; one feature store in front of both.");
        GridBuilder grid = block.frame("data");
        Component lake = grid.place(0, 0, DATA_LAKE, "Data lake (S3)");
        Component batch = grid.place(0, 1, BATCH_FEATURE_JOB, "Batch feature job (Spark)");
        Component nosql = grid.place(0, 2, NOSQL_STORE, "Static features (Cassandra)");
        Component store = grid.place(1, 3, FEATURE_STORE, "Feature store");
        Component serving = grid.place(0, 4, MODEL_SERVER, "Online serving");
        Component training = grid.place(2, 4, TRAINING_PIPELINE, "Training: point-in-time data");
        Component events = grid.place(2, 0, STREAM_QUEUE, "Event stream (Kafka)");
        Component stream = grid.place(2, 1, STREAM_FEATURE_JOB, "Stream processor (Flink)");
        Component cache = grid.place(2, 2, KV_STORE_CACHE, "Dynamic features (Redis)");
        block.scene.connect(lake, batch).connect(batch, nosql).connect(nosql, store)
                .connect(events, stream).connect(stream, cache).connect(cache, store)
                .connect(store, serving).connect(store, training);
        grid.end().bullets(List.of(
                "Static features (demographics, item metadata) change rarely: batch, NoSQL",
                "Dynamic features (counts over the last minutes) come from a stream processor, cached in Redis",
                "Training and serving read the same feature definitions, which avoids training/serving skew"));
        return block.template("Probe which features are static and which dynamic, how fresh each must be, and "
                + "how the training set gets the values as of prediction time.");
    }

    static TemplateDefinition monitoringLoop() {
        Block block = new Block("block-monitoring-retraining-loop", "Monitoring and retraining loop",
                "Log what the model sees and predicts, detect drift and performance drops, retrain and redeploy.");
        GridBuilder grid = block.frame("monitoring");
        Component server = grid.place(0, 0, MODEL_SERVER, "Model server");
        Component logs = grid.place(0, 1, LOGGING, "Prediction and feature logs");
        Component drift = grid.place(0, 2, DRIFT_DETECTOR, "Drift detector: live vs training data");
        Component trigger = grid.place(0, 3, RETRAINING_TRIGGER, "Retraining trigger");
        Component monitoring = grid.place(1, 2, MONITORING, "Monitoring: performance drops, alerts");
        Component registry = grid.place(2, 1, MODEL_REGISTRY, "Model registry");
        Component evaluation = grid.place(2, 2, EVALUATION_AB_TEST, "Offline evaluation, shadow, A/B");
        Component training = grid.place(2, 3, TRAINING_PIPELINE, "Training pipeline");
        Component fresh = grid.place(2, 4, DATA_LAKE, "Fresh data and labels");
        block.scene.connect(server, logs).connect(logs, drift).connect(logs, monitoring).connect(drift, trigger)
                .connect(monitoring, trigger).connect(trigger, training).connect(fresh, training)
                .connect(training, evaluation).connect(evaluation, registry)
                .connect(registry, server, Route.HORIZONTAL_FIRST);
        grid.end().bullets(List.of(
                "Drift: compare live feature and prediction distributions with the training data",
                "Performance drops need labels, which arrive late: track proxies meanwhile",
                "Retrain on a schedule or on a trigger; a new model ships only after it beats the current one"));
        return block.template("Probe what is logged, which drift is measured against what, who is alerted, "
                + "and what stops a worse model from shipping.");
    }

    /** One building block's scene under construction. */
    private static final class Block {

        private final String slug;
        private final String title;
        private final String description;
        private final SceneBuilder scene;

        Block(String slug, String title, String description) {
            this.slug = slug;
            this.title = title;
            this.description = description;
            this.scene = SceneBuilder.create(slug);
        }

        GridBuilder frame(String step) {
            return scene.frame(title, step).heading(title).note(description).grid();
        }

        TemplateDefinition template(String interviewerPrompt) {
            return new TemplateDefinition(slug, title, Framework.ML_SYSTEM_DESIGN, null, Variant.BUILDING_BLOCK,
                    description, interviewerPrompt,
                    "Explain this building block: what each part does, and what you would change for your case.",
                    Map.of(), scene.build());
        }
    }
}
