package io.mockboard.template.render;

import java.util.Arrays;

/**
 * Excalidraw's font families by their {@code fontFamily} number, each with a CSS fallback list (a
 * server picture cannot load Excalidraw's fonts) and the ascent and descent, in em, that place the
 * baseline inside a line box the way Excalidraw does.
 */
enum FontFace {
    VIRGIL(1, "Virgil, Excalifont, Segoe UI, sans-serif", 0.886, -0.374),
    HELVETICA(2, "Helvetica, Arial, sans-serif", 0.77, -0.23),
    CASCADIA(3, "Cascadia Code, Cascadia, Consolas, monospace", 0.928, -0.234),
    EXCALIFONT(5, "Excalifont, Virgil, Segoe UI, sans-serif", 0.886, -0.374),
    NUNITO(6, "Nunito, Segoe UI, sans-serif", 1.011, -0.353),
    LILITA_ONE(7, "Lilita One, Segoe UI, sans-serif", 0.923, -0.22),
    COMIC_SHANNS(8, "Comic Shanns, Comic Sans MS, monospace", 0.75, -0.25),
    LIBERATION_SANS(9, "Liberation Sans, Arial, sans-serif", 0.905, -0.212);

    private final int family;
    private final String css;
    private final double ascent;
    private final double descent;

    FontFace(int family, String css, double ascent, double descent) {
        this.family = family;
        this.css = css;
        this.ascent = ascent;
        this.descent = descent;
    }

    /** The face Excalidraw numbers {@code family}; Excalifont, its default, for anything else. */
    static FontFace of(int family) {
        return Arrays.stream(values()).filter(f -> f.family == family).findFirst().orElse(EXCALIFONT);
    }

    /** The {@code font-family} value: names only, no quotes. */
    String css() {
        return css;
    }

    /** Distance from the top of a line box {@code lineHeight} px tall to the baseline of {@code size} px text. */
    double baseline(double size, double lineHeight) {
        return lineHeight / 2 + size * (ascent + descent) / 2;
    }
}
