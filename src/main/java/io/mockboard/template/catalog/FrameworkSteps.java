package io.mockboard.template.catalog;

import java.util.List;

/** The steps of each framework with their guiding questions and budgets (interview-domain.md §1). */
final class FrameworkSteps {

    static final List<FrameworkStep> ML = List.of(
            new FrameworkStep("clarify", 1, "Clarify requirements", 5, List.of(
                    "Business objective and metric: what do we optimise (watch time, CTR, retention)?",
                    "Which features must the system support?",
                    "What data is available, and do we have labels?",
                    "Constraints: privacy, cloud or on-device, budget",
                    "Scale: how many MAU? What QPS?",
                    "Latency budget (e.g. inference < 30 ms)")),
            new FrameworkStep("frame-as-ml-task", 2, "Frame as an ML task", 5, List.of(
                    "ML objective that serves the business metric",
                    "System input and output",
                    "ML category: binary or multi-class classification, regression, ranking (LTR), "
                            + "representation learning, recommendation")),
            new FrameworkStep("data", 3, "Data preparation", 8, List.of(
                    "Data sources; where raw data lives (data lake such as S3, warehouse such as Snowflake); "
                            + "ETL and storage",
                    "Feature engineering: missing data, scaling, discretisation, categorical encoding, embeddings",
                    "Static features (NoSQL such as Cassandra) vs dynamic, real-time features (streaming "
                            + "such as Flink, cached in Redis)",
                    "Labels: where do they come from?")),
            new FrameworkStep("model", 4, "Model development", 12, List.of(
                    "Simple baseline first (logistic regression, GBDT), then complex (two-tower, DCN, transformers)",
                    "Training data construction, sampling, class imbalance",
                    "Loss function; fine-tuning vs training from scratch",
                    "Distributed training (data vs model parallelism); hyperparameter tuning")),
            new FrameworkStep("evaluation", 5, "Evaluation", 5, List.of(
                    "Offline metrics: AUC-ROC, PR-AUC, log loss, F1, precision@k, recall@k, mAP, MRR, nDCG",
                    "Offline ↔ online: which business metric moves (CTR, conversion, revenue, watch time)?",
                    "A/B test: what is compared, for how long, on which metric?")),
            new FrameworkStep("serving", 6, "Deployment and serving", 7, List.of(
                    "Online inference (REST, per request, compute-heavy) vs batch inference (precomputed into "
                            + "a key-value store such as Redis)",
                    "Cloud vs on-device; compression (distillation, pruning, quantisation)",
                    "Two-stage retrieval → ranking",
                    "Shadow deployment, A/B rollout; training/serving skew detection")),
            new FrameworkStep("monitoring", 7, "Monitoring and infrastructure", 3, List.of(
                    "Drift monitoring: does production data still look like the training data?",
                    "Logging predictions; tracking performance drops; alerting",
                    "Automated retraining loop")));

    static final List<FrameworkStep> GENERAL = List.of(
            new FrameworkStep("scope", 1, "Understand the problem and establish scope", 7, List.of(
                    "Which features do we build? Who are the users?",
                    "How many users, how fast will it grow (3 months, 6 months, a year)?",
                    "Existing stack and services we can use",
                    "Non-functional requirements: latency, availability, consistency",
                    "Typical range: 3–10 min")),
            new FrameworkStep("high-level-design", 2, "High-level design and buy-in", 13, List.of(
                    "Blueprint as a box diagram: clients, APIs, web servers, data stores, cache, CDN, queues",
                    "Back-of-the-envelope estimates: does the blueprint fit the scale?",
                    "API endpoints and data schema where they matter",
                    "Walk through a concrete use case; get the interviewer's buy-in",
                    "Typical range: 10–15 min")),
            new FrameworkStep("deep-dive", 3, "Deep dive", 20, List.of(
                    "Agree with the interviewer which components to dig into",
                    "Bottlenecks and hot spots; trade-offs of each option",
                    "Keep time: details that do not show design skill can wait",
                    "Typical range: 10–25 min")),
            new FrameworkStep("wrap-up", 4, "Wrap-up", 5, List.of(
                    "Bottlenecks and what you would improve",
                    "Error cases: server failure, network loss",
                    "Operations: metrics, logs, rollouts",
                    "The next scale: 10× the users",
                    "Typical range: 3–5 min")));

    private FrameworkSteps() {
    }
}
