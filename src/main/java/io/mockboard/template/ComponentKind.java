package io.mockboard.template;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The closed vocabulary of architecture components (interview-domain.md §2). Every component a template
 * draws carries its kind's {@link #wire()} name in {@code customData.kind}; {@link #match(String)} maps
 * what a person writes on a box ("Redis", "online feature store") back to a kind, so a candidate's
 * drawing can be compared with the reference.
 */
public enum ComponentKind {
    CLIENT("client", "Client", ComponentCategory.EDGE,
            "user", "app", "mobile app", "web app", "browser", "frontend"),
    API_GATEWAY("api-gateway", "API gateway", ComponentCategory.EDGE,
            "gateway", "load balancer", "api", "rest api", "edge service", "fetching service"),
    DATA_LAKE("data-lake", "Data lake", ComponentCategory.STORAGE,
            "lake", "s3", "hdfs", "raw data", "raw data store"),
    WAREHOUSE("warehouse", "Data warehouse", ComponentCategory.STORAGE,
            "snowflake", "bigquery", "redshift", "olap store"),
    OBJECT_STORAGE("object-storage", "Object storage", ComponentCategory.STORAGE,
            "object store", "blob storage", "blob store", "image store", "gcs", "s3 bucket"),
    STREAM_QUEUE("stream/queue", "Stream / queue", ComponentCategory.DATA_PIPELINE,
            "stream", "queue", "kafka", "message queue", "event stream", "pub sub", "kinesis", "event bus"),
    BATCH_FEATURE_JOB("batch-feature-job", "Batch feature job", ComponentCategory.DATA_PIPELINE,
            "batch features", "batch feature computation", "batch feature pipeline", "spark job", "etl",
            "etl job", "batch pipeline", "static features"),
    STREAM_FEATURE_JOB("stream-feature-job", "Stream feature job", ComponentCategory.DATA_PIPELINE,
            "streaming features", "stream processor", "flink", "flink job", "online feature computation",
            "real time features", "dynamic features"),
    FEATURE_STORE("feature-store", "Feature store", ComponentCategory.STORAGE,
            "online feature store", "offline feature store", "feast", "features"),
    KV_STORE_CACHE("kv-store/cache", "Key-value store / cache", ComponentCategory.STORAGE,
            "kv store", "key value store", "cache", "redis", "memcached", "precomputed predictions"),
    NOSQL_STORE("nosql-store", "NoSQL store", ComponentCategory.STORAGE,
            "nosql", "nosql database", "cassandra", "dynamodb", "hbase", "mongodb"),
    EMBEDDING_SERVICE("embedding-service", "Embedding service", ComponentCategory.MODEL,
            "embedding model", "encoder", "image encoder", "text encoder", "embedding fetcher", "feature extractor"),
    ANN_INDEX("ann-index", "ANN index", ComponentCategory.MODEL,
            "ann", "ann service", "nearest neighbour service", "nearest neighbor service", "vector index",
            "vector database", "vector db", "faiss", "scann", "milvus", "index"),
    INDEXING_PIPELINE("indexing-pipeline", "Indexing pipeline", ComponentCategory.DATA_PIPELINE,
            "indexing service", "indexer", "indexing"),
    CANDIDATE_GENERATION("candidate-generation", "Candidate generation", ComponentCategory.SERVING,
            "retrieval", "candidate generator", "candidate retrieval", "recall stage", "filtering"),
    RANKING_SERVICE("ranking-service", "Ranking service", ComponentCategory.SERVING,
            "ranker", "ranking", "ranking model", "scoring service", "scoring"),
    RE_RANKING_SERVICE("re-ranking-service", "Re-ranking service", ComponentCategory.SERVING,
            "re ranking", "reranking", "re ranker", "reranker", "post processing", "business rules"),
    MODEL_SERVER("model-server", "Model server", ComponentCategory.SERVING,
            "prediction service", "inference service", "model serving", "serving", "inference"),
    TRAINING_PIPELINE("training-pipeline", "Training pipeline", ComponentCategory.MODEL,
            "training", "trainer", "learner", "model training", "training job"),
    MODEL_REGISTRY("model-registry", "Model registry", ComponentCategory.MODEL,
            "model store", "mlflow", "model repository"),
    EVALUATION_AB_TEST("evaluation/ab-test", "Evaluation / A/B test", ComponentCategory.OPERATIONS,
            "evaluation", "a b test", "ab test", "experimentation", "evaluator", "offline evaluation"),
    LABELING_HUMAN_REVIEW("labeling/human-review", "Labeling / human review", ComponentCategory.OPERATIONS,
            "labeling", "labelling", "human review", "annotation", "review queue", "human labelers"),
    MONITORING("monitoring", "Monitoring", ComponentCategory.OPERATIONS,
            "dashboard", "dashboards", "alerting", "observability"),
    DRIFT_DETECTOR("drift-detector", "Drift detector", ComponentCategory.OPERATIONS,
            "drift detection", "data drift", "skew detection", "drift monitor"),
    RETRAINING_TRIGGER("retraining-trigger", "Retraining trigger", ComponentCategory.OPERATIONS,
            "retrain trigger", "retraining", "automated retraining", "retraining scheduler"),
    LOGGING("logging", "Logging", ComponentCategory.OPERATIONS,
            "logs", "prediction logs", "event logging", "log store");

    private static final Map<String, ComponentKind> BY_WIRE = new HashMap<>();
    private static final Map<String, ComponentKind> BY_TEXT = new HashMap<>();

    static {
        for (ComponentKind kind : values()) {
            BY_WIRE.put(kind.wire, kind);
            for (String name : kind.names()) {
                ComponentKind previous = BY_TEXT.put(normalize(name), kind);
                if (previous != null && previous != kind) {
                    throw new IllegalStateException("'" + name + "' names both " + previous + " and " + kind);
                }
            }
        }
    }

    private final String wire;
    private final String label;
    private final ComponentCategory category;
    private final List<String> synonyms;

    ComponentKind(String wire, String label, ComponentCategory category, String... synonyms) {
        this.wire = wire;
        this.label = label;
        this.category = category;
        this.synonyms = List.of(synonyms);
    }

    /** The name in {@code customData.kind}, exactly as in the vocabulary of interview-domain.md. */
    public String wire() {
        return wire;
    }

    /** What a person reads on the component. */
    public String label() {
        return label;
    }

    public ComponentCategory category() {
        return category;
    }

    /** Other names people use for this kind, in lower case. */
    public List<String> synonyms() {
        return synonyms;
    }

    /** The kind with this wire name. */
    public static Optional<ComponentKind> fromWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }

    /**
     * The kind a piece of free text names: its wire name, its label or one of its synonyms, ignoring case,
     * punctuation and repeated spaces ("Online Feature-Store" names {@link #FEATURE_STORE}).
     */
    public static Optional<ComponentKind> match(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_TEXT.get(normalize(text)));
    }

    private List<String> names() {
        return Stream.concat(Stream.of(wire, label), synonyms.stream()).toList();
    }

    /**
     * The form in which {@link #match(String)} compares text: lower case, punctuation dropped, single spaces
     * ("Vector-DB " and "vector db" are one key).
     */
    public static String key(String text) {
        return normalize(text);
    }

    private static String normalize(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+"))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
