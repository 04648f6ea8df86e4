package io.mockboard.template.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/** The Excalidraw shapes a component can be drawn as, with the geometry arrows and labels need. */
enum ShapeType {
    RECTANGLE("rectangle"),
    ELLIPSE("ellipse"),
    DIAMOND("diamond");

    /** Excalidraw's padding between a container and its bound text. */
    static final double LABEL_PADDING = 5;

    private final String wire;

    ShapeType(String wire) {
        this.wire = wire;
    }

    /** The element {@code type}. */
    String wire() {
        return wire;
    }

    /**
     * Distance from the centre of {@code box} to its outline along the direction ({@code dx}, {@code dy}),
     * which need not be normalised but must not be zero.
     */
    double outlineDistance(Box box, double dx, double dy) {
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            throw new IllegalArgumentException("no direction");
        }
        double ux = Math.abs(dx / length);
        double uy = Math.abs(dy / length);
        double a = box.width() / 2;
        double b = box.height() / 2;
        return switch (this) {
            case RECTANGLE -> Math.min(ux == 0 ? Double.MAX_VALUE : a / ux, uy == 0 ? Double.MAX_VALUE : b / uy);
            case ELLIPSE -> 1 / Math.sqrt((ux / a) * (ux / a) + (uy / b) * (uy / b));
            case DIAMOND -> 1 / (ux / a + uy / b);
        };
    }

    /** Widest bound text Excalidraw lets this shape hold (its {@code getBoundTextMaxWidth}). */
    double maxLabelWidth(Box box) {
        return switch (this) {
            case RECTANGLE -> box.width() - 2 * LABEL_PADDING;
            case ELLIPSE -> Math.round(box.width() / 2 * Math.sqrt(2)) - 2 * LABEL_PADDING;
            case DIAMOND -> Math.round(box.width() / 2) - 2 * LABEL_PADDING;
        };
    }

    /** Tallest bound text that fits without Excalidraw growing the shape. */
    double maxLabelHeight(Box box) {
        return switch (this) {
            case RECTANGLE -> box.height() - 2 * LABEL_PADDING;
            case ELLIPSE -> Math.round(box.height() / 2 * Math.sqrt(2)) - 2 * LABEL_PADDING;
            case DIAMOND -> Math.round(box.height() / 2) - 2 * LABEL_PADDING;
        };
    }

    /** Excalidraw's {@code roundness}: adaptive radius for rectangles, proportional for diamonds. */
    JsonNode roundness(JsonNodeFactory json) {
        return switch (this) {
            case RECTANGLE -> json.objectNode().put("type", 3);
            case DIAMOND -> json.objectNode().put("type", 2);
            case ELLIPSE -> NullNode.getInstance();
        };
    }
}
