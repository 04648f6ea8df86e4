package io.mockboard.template.layout;

/**
 * A text style: Excalidraw font family number, size in px at 100% zoom, and unitless line height.
 * Family 5 is Excalifont (hand-drawn, Excalidraw's default), 6 is Nunito (for longer prose).
 */
record Font(int family, double size, double lineHeight) {

    /** Component labels. */
    public static final Font LABEL = new Font(5, 18, 1.25);
    /** Grid captions (lane names). */
    public static final Font CAPTION = new Font(5, 20, 1.25);
    /** Frame headings. */
    public static final Font HEADING = new Font(5, 28, 1.25);
    /** The scene title. */
    public static final Font TITLE = new Font(5, 36, 1.25);
    /** Guiding questions and notes inside frames. */
    public static final Font BODY = new Font(6, 18, 1.35);
    /** Prompts under the scene title. */
    public static final Font PROSE = new Font(6, 20, 1.35);

    /** Height of one line in px. */
    public double linePx() {
        return size * lineHeight;
    }
}
