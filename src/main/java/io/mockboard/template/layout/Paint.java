package io.mockboard.template.layout;

/** Stroke and fill of one element, with Excalidraw's names and defaults. */
record Paint(String strokeColor, String backgroundColor, String fillStyle, int strokeWidth, String strokeStyle,
        int roughness) {

    static final String INK = "#1e1e1e";

    /** Text: ink, no fill. */
    static final Paint TEXT = new Paint(INK, "transparent", "solid", 2, "solid", 1);
    /** Muted text for guidance the candidate reads but does not draw over. */
    static final Paint GUIDE = new Paint("#343a40", "transparent", "solid", 2, "solid", 1);
    /** Arrows: ink. */
    static final Paint ARROW = new Paint(INK, "transparent", "solid", 2, "solid", 1);
    /** Frames: Excalidraw's frame style. */
    static final Paint FRAME = new Paint("#bbb", "transparent", "solid", 2, "solid", 0);

    static Paint shape(String stroke, String background) {
        return new Paint(stroke, background, "solid", 2, "solid", 1);
    }
}
