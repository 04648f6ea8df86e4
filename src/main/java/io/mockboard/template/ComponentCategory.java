package io.mockboard.template;

/** The role a component plays in an architecture; templates colour components by it. */
public enum ComponentCategory {
    /** Where requests come from and enter the system. */
    EDGE,
    /** Where data and artefacts are kept. */
    STORAGE,
    /** Jobs and streams that move data and compute features. */
    DATA_PIPELINE,
    /** Models, embeddings and the machinery that trains and stores them. */
    MODEL,
    /** The request path from candidates to the final list. */
    SERVING,
    /** Evaluation, labelling, observation and the loops that react to it. */
    OPERATIONS
}
