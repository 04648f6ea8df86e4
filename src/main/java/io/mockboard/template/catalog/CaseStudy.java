package io.mockboard.template.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ten case studies of the ML system design book (interview-domain.md §2): the question as the
 * candidate reads it and what the interviewer listens for. Their reference architectures are drawn by
 * {@link ReferenceArchitecture}.
 */
public enum CaseStudy {
    VISUAL_SEARCH("visual-search", "Visual search",
            "Design a visual search system for an image-sharing platform like Pinterest: a user picks an image "
                    + "and gets visually similar images back, best first.",
            "Expect representation learning: an image encoder (CNN or ViT) trained contrastively. Listen for "
                    + "two pipelines: prediction (query image → preprocessing → embedding service → "
                    + "nearest-neighbour service → re-ranking that removes unsafe or private images, duplicates "
                    + "and applies business rules) and indexing (new images → object storage → indexing service "
                    + "→ index). Probe exact vs approximate nearest neighbours (tree, LSH, clustering; FAISS, "
                    + "ScaNN). Metrics: MRR, recall@k, precision@k, mAP, nDCG offline; CTR and time spent online."),
    STREET_VIEW_BLURRING("street-view-blurring", "Google Street View blurring",
            "Design a system that blurs faces and licence plates in Street View images before they are "
                    + "published.",
            "Expect object detection, typically two-stage (region proposal + classifier), judged by IoU, AP "
                    + "and mAP. Prediction runs in batch: raw images → preprocessing (CPU) → blurring service "
                    + "(GPU) with non-maximum suppression → blurred images store → fetching service. Strong "
                    + "answers close the data loop: user reports → queue (Kafka) → hard negative mining → "
                    + "dataset → augmentation → training → blurring service."),
    YOUTUBE_VIDEO_SEARCH("youtube-video-search", "YouTube video search",
            "Design the search of a video platform like YouTube: given a text query, return the most relevant "
                    + "videos.",
            "Expect two retrieval paths merged: text-to-video embedding search via ANN, and text search "
                    + "(Elasticsearch over titles and tags); a fusion layer combines them before re-ranking. "
                    + "Listen for separate video indexing and text indexing pipelines."),
    HARMFUL_CONTENT_DETECTION("harmful-content-detection", "Harmful content detection",
            "Design a system that detects harmful content (violence, nudity, hate speech, …) in posts on a "
                    + "social network and acts on it.",
            "Expect multimodal inputs (text, image, video, author, reactions), early vs late fusion, and a "
                    + "multi-task classifier (shared layers, one head per harm class). Serving: post → harmful "
                    + "content detection service (feature preparation + model) → high confidence: violation "
                    + "enforcement service (remove, notify); low confidence: demoting service and human review "
                    + "queue, whose outcomes flow back as labels. Metrics: PR-AUC, ROC-AUC offline; prevalence, "
                    + "harmful impressions, valid appeals, proactive rate online."),
    VIDEO_RECOMMENDATION("video-recommendation", "Video recommendation",
            "Design the recommendations on the home page of a video platform like YouTube.",
            "Expect a funnel: candidate generation (two-tower model + ANN over video embeddings; several "
                    + "generators such as relevant, popular, trending; billions → thousands), scoring with a "
                    + "heavier model and a video feature store (thousands → hundreds), re-ranking for region, "
                    + "freshness, misinformation, duplicates and fairness (→ dozens). Probe matrix factorisation "
                    + "vs two-tower, and cold start. Metrics: precision@k, mAP, diversity offline; CTR, "
                    + "completed videos, watch time online."),
    EVENT_RECOMMENDATION("event-recommendation", "Event recommendation",
            "Design a system that recommends events (concerts, meetups, classes) to the users of an event "
                    + "platform like Eventbrite.",
            "Expect learning to rank (pointwise, pairwise or listwise), static (batch) vs dynamic (streaming) "
                    + "features, an online learning pipeline (learner → evaluator → deploy), and prediction as "
                    + "event filtering followed by a ranking service with feature computation and a feature "
                    + "store."),
    AD_CLICK_PREDICTION("ad-click-prediction", "Ad click prediction",
            "Design the system that predicts which ads a user of a social network will click, to decide which "
                    + "ads to show.",
            "Expect pointwise LTR as binary classification and a model progression LR → feature crosses → "
                    + "GBDT → GBDT+LR → DCN / FM / DeepFM. Data: data lake + stream → batch feature computation "
                    + "(static) and online feature computation (dynamic: impression and click counts) → feature "
                    + "store → dataset generation. Continual learning: fine-tune on new data → validate → "
                    + "deploy → model registry. Prediction: ad pool → candidate generation (targeting) → ranking "
                    + "(feature store + online features) → re-ranking; batch prediction is ruled out because "
                    + "features are dynamic. Metrics: cross-entropy, normalised cross-entropy; CTR, conversion, "
                    + "revenue lift, hide rate."),
    SIMILAR_LISTINGS("similar-listings", "Similar listings",
            "Design the \"similar listings\" carousel of a vacation-rental marketplace like Airbnb: while a user "
                    + "looks at a listing, show listings they are likely to book instead.",
            "Expect session-based listing embeddings (the booked listing as global context, negatives from "
                    + "the same region) and three pipelines: training, indexing, and prediction (embedding "
                    + "fetcher → nearest-neighbour service → re-ranking)."),
    PERSONALIZED_NEWS_FEED("personalized-news-feed", "Personalized news feed",
            "Design the personalized news feed of a social network: which posts, in which order, when a user "
                    + "opens the app.",
            "Expect a multi-task DNN (click, like, share, dwell time and skip heads), batch plus online "
                    + "features, and a retrieval → ranking → re-ranking funnel."),
    PEOPLE_YOU_MAY_KNOW("people-you-may-know", "People You May Know",
            "Design \"People You May Know\" for a professional social network like LinkedIn: suggest people a "
                    + "user is likely to connect with.",
            "Expect edge prediction on the social graph with a GNN, friends-of-friends (2-hop) candidate "
                    + "generation, and batch precomputation (weekly; daily for new users): data lake → feature "
                    + "computation → FoF service + scoring service → precomputed PYMK store. At request time: "
                    + "user → PYMK service → read.");

    private final String slug;
    private final String title;
    private final String question;
    private final String listenFor;

    CaseStudy(String slug, String title, String question, String listenFor) {
        this.slug = slug;
        this.title = title;
        this.question = question;
        this.listenFor = listenFor;
    }

    public String slug() {
        return slug;
    }

    /** The case study with this slug, if there is one. */
    public static Optional<CaseStudy> bySlug(String slug) {
        return Arrays.stream(values()).filter(study -> study.slug.equals(slug)).findFirst();
    }

    public String title() {
        return title;
    }

    /** The question as the candidate reads it. */
    public String question() {
        return question;
    }

    /** The prompt the candidate reads. */
    public String candidatePrompt() {
        return question + " Start by clarifying the requirements, then work through the seven steps.";
    }

    /** What the interviewer listens for. */
    public String interviewerPrompt() {
        return listenFor;
    }
}
