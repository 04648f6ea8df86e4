package io.mockboard.template.render;

/** Excalidraw's {@code textAlign}, as an SVG {@code text-anchor} and a position within the text box. */
enum TextAlign {
    LEFT("start", 0), CENTER("middle", 0.5), RIGHT("end", 1);

    private final String anchor;
    private final double fraction;

    TextAlign(String anchor, double fraction) {
        this.anchor = anchor;
        this.fraction = fraction;
    }

    /** The alignment named by {@code textAlign}; left for anything unknown. */
    static TextAlign of(String textAlign) {
        if ("center".equals(textAlign)) {
            return CENTER;
        }
        return "right".equals(textAlign) ? RIGHT : LEFT;
    }

    String anchor() {
        return anchor;
    }

    /** Where lines are anchored in a box starting at {@code x}, {@code width} wide. */
    double anchorX(double x, double width) {
        return x + width * fraction;
    }
}
