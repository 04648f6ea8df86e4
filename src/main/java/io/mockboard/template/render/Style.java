package io.mockboard.template.render;

/**
 * How an element is stroked and filled: colours already checked by {@link Colors} ({@code "none"} for
 * no paint), stroke width in scene units, dash pattern and opacity from 0 to 1.
 */
record Style(String stroke, String fill, double strokeWidth, Dash dash, double opacity) {

    /** Excalidraw's default ink. */
    static final String INK = "#1e1e1e";
}
