package io.mockboard.template.render;

import java.util.Map;
import java.util.Optional;

/** The arrowhead shapes drawn, each standing for the Excalidraw arrowhead names that look like it. */
enum Arrowhead {
    TRIANGLE, DOT, BAR, DIAMOND;

    private static final Map<String, Arrowhead> BY_NAME = Map.of(
            "arrow", TRIANGLE, "triangle", TRIANGLE, "triangle_outline", TRIANGLE,
            "dot", DOT, "circle", DOT, "circle_outline", DOT,
            "bar", BAR,
            "diamond", DIAMOND, "diamond_outline", DIAMOND);

    /** The head for {@code startArrowhead}/{@code endArrowhead}; none for null or unknown names. */
    static Optional<Arrowhead> of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }
}
