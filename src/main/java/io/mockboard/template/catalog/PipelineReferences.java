package io.mockboard.template.catalog;

import static io.mockboard.template.ComponentKind.API_GATEWAY;
import static io.mockboard.template.ComponentKind.BATCH_FEATURE_JOB;
import static io.mockboard.template.ComponentKind.CANDIDATE_GENERATION;
import static io.mockboard.template.ComponentKind.CLIENT;
import static io.mockboard.template.ComponentKind.DATA_LAKE;
import static io.mockboard.template.ComponentKind.KV_STORE_CACHE;
import static io.mockboard.template.ComponentKind.LABELING_HUMAN_REVIEW;
import static io.mockboard.template.ComponentKind.MODEL_REGISTRY;
import static io.mockboard.template.ComponentKind.MODEL_SERVER;
import static io.mockboard.template.ComponentKind.OBJECT_STORAGE;
import static io.mockboard.template.ComponentKind.RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.RE_RANKING_SERVICE;
import static io.mockboard.template.ComponentKind.STREAM_QUEUE;
import static io.mockboard.template.ComponentKind.TRAINING_PIPELINE;

import io.mockboard.template.layout.Component;
import io.mockboard.template.layout.FrameBuilder;
import io.mockboard.template.layout.GridBuilder;
import io.mockboard.template.layout.SceneBuilder;
import java.util.List;

/** Reference architectures of batch pipelines, classifiers and precomputed predictions. */
final class PipelineReferences {

    private PipelineReferences() {
    }

    static List<String> streetViewBlurring(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Batch prediction").caption(1, 0, "Data loop");
        Component raw = grid.place(0, 1, OBJECT_STORAGE, "Raw street images");
        Component blur = grid.place(0, 2, MODEL_SERVER, "Preprocessing (CPU) → blurring service (GPU) + NMS");
        Component blurred = grid.place(0, 3, OBJECT_STORAGE, "Blurred images");
        Component fetch = grid.place(0, 4, API_GATEWAY, "Fetching service");
        Component user = grid.place(0, 5, CLIENT, "Street View user");
        Component train = grid.place(1, 1, TRAINING_PIPELINE, "Augment + train the detector");
        Component dataset = grid.place(1, 2, DATA_LAKE, "Training dataset");
        Component mining = grid.place(1, 3, LABELING_HUMAN_REVIEW, "Hard negative mining on reports");
        Component reports = grid.place(1, 4, STREAM_QUEUE, "Report queue (Kafka)");
        scene.connect(raw, blur).connect(blur, blurred).connect(blurred, fetch).connect(fetch, user)
                .connect(user, reports).connect(reports, mining).connect(mining, dataset).connect(dataset, train)
                .connect(train, blur);
        return List.of(
                "Object detection, two-stage: region proposal network + classifier",
                "Offline: IoU, AP, mAP · the detector runs in batch, so latency is not the constraint",
                "Users report faces and plates left unblurred; those reports become hard negatives");
    }

    static List<String> harmfulContent(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Serving").caption(1, 0, "Low confidence")
                .caption(2, 0, "Learning loop")
                .caption(0, 3, "High confidence: violation enforcement removes the post, notifies the author");
        Component post = grid.place(0, 1, CLIENT, "New post: text, image, video");
        Component detect = grid.place(0, 2, MODEL_SERVER, "Harmful content detection: features + model");
        Component demote = grid.place(1, 1, RE_RANKING_SERVICE, "Demoting service");
        Component registry = grid.place(1, 2, MODEL_REGISTRY, "Model registry");
        Component review = grid.place(1, 3, LABELING_HUMAN_REVIEW, "Human review queue");
        Component training = grid.place(2, 2, TRAINING_PIPELINE, "Train the multi-task classifier");
        Component labels = grid.place(2, 3, DATA_LAKE, "Labels from reviews");
        scene.connect(post, detect).connect(detect, demote).connect(detect, review).connect(review, labels)
                .connect(labels, training).connect(training, registry).connect(registry, detect);
        return List.of(
                "Multimodal input (text, image, video, author, reactions); early vs late fusion",
                "Multi-task classifier: shared layers, one head per harm class",
                "Offline: PR-AUC, ROC-AUC · online: prevalence, harmful impressions, valid appeals, proactive rate");
    }

    static List<String> peopleYouMayKnow(SceneBuilder scene, FrameBuilder frame) {
        GridBuilder grid = frame.grid().caption(0, 0, "Batch: weekly, daily for new users")
                .caption(1, 0, "Prediction");
        Component lake = grid.place(0, 1, DATA_LAKE, "Social graph, profiles, interactions");
        Component features = grid.place(0, 2, BATCH_FEATURE_JOB, "Feature computation");
        Component friends = grid.place(0, 3, CANDIDATE_GENERATION, "Friends-of-friends service (2-hop)");
        Component scoring = grid.place(0, 4, RANKING_SERVICE, "Scoring service (GNN edge prediction)");
        Component store = grid.place(0, 5, KV_STORE_CACHE, "Precomputed PYMK");
        Component user = grid.place(1, 3, CLIENT, "User opens People You May Know");
        Component service = grid.place(1, 4, MODEL_SERVER, "PYMK service: reads the precomputed list");
        scene.connect(lake, features).connect(features, friends).connect(friends, scoring).connect(scoring, store)
                .connect(user, service).connect(service, store);
        return List.of(
                "Edge prediction on the social graph with a GNN",
                "Precomputing is affordable: the graph changes slowly and 2-hop candidates are few",
                "Online: accepted connection requests");
    }
}
