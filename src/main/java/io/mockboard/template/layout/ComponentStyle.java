package io.mockboard.template.layout;

import io.mockboard.template.ComponentKind;

/**
 * How a component kind looks: stores are ellipses, the retraining trigger is a diamond (a decision),
 * everything else a rectangle; the fill colour follows the kind's category (Excalidraw's palette).
 */
record ComponentStyle(ShapeType shape, double width, double height, Paint paint) {

    static ComponentStyle of(ComponentKind kind) {
        ShapeType shape = switch (kind.category()) {
            case STORAGE -> ShapeType.ELLIPSE;
            case OPERATIONS -> kind == ComponentKind.RETRAINING_TRIGGER ? ShapeType.DIAMOND : ShapeType.RECTANGLE;
            case EDGE, DATA_PIPELINE, MODEL, SERVING -> ShapeType.RECTANGLE;
        };
        Paint paint = switch (kind.category()) {
            case EDGE -> Paint.shape("#1e1e1e", "#e9ecef");
            case STORAGE -> Paint.shape("#1971c2", "#a5d8ff");
            case DATA_PIPELINE -> Paint.shape("#2f9e44", "#b2f2bb");
            case MODEL -> Paint.shape("#f08c00", "#ffec99");
            case SERVING -> Paint.shape("#6741d9", "#d0bfff");
            case OPERATIONS -> Paint.shape("#e03131", "#ffc9c9");
        };
        return switch (shape) {
            case RECTANGLE -> new ComponentStyle(shape, 240, 110, paint);
            case ELLIPSE -> new ComponentStyle(shape, 250, 130, paint);
            case DIAMOND -> new ComponentStyle(shape, 260, 160, paint);
        };
    }
}
