package io.mockboard.template.render;

import java.util.Optional;

/** Excalidraw's {@code strokeStyle}, with the dash lengths its own SVG export uses. */
enum Dash {
    SOLID, DASHED, DOTTED;

    /** The style named by {@code strokeStyle}; anything unknown is solid. */
    static Dash of(String strokeStyle) {
        if ("dashed".equals(strokeStyle)) {
            return DASHED;
        }
        return "dotted".equals(strokeStyle) ? DOTTED : SOLID;
    }

    /** Dash and gap lengths for a stroke {@code width} wide; empty when solid. */
    Optional<double[]> pattern(double width) {
        return switch (this) {
            case SOLID -> Optional.empty();
            case DASHED -> Optional.of(new double[] {8, 8 + width});
            case DOTTED -> Optional.of(new double[] {1.5, 6 + width});
        };
    }
}
