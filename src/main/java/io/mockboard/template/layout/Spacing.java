package io.mockboard.template.layout;

/** The layout grid, in px at 100% zoom. */
final class Spacing {

    /** Inner padding of a frame. */
    static final double PAD = 40;
    /** Vertical gap between the items of a frame. */
    static final double ITEM_GAP = 24;
    /** Width of one component grid cell (the widest shape plus room for arrows). */
    static final double CELL_WIDTH = 300;
    /** Height of one component grid cell. */
    static final double CELL_HEIGHT = 200;
    /** Horizontal gap between frames in a row. */
    static final double FRAME_GAP_X = 120;
    /** Vertical gap between rows of frames (Excalidraw draws frame names above the frame). */
    static final double FRAME_GAP_Y = 160;
    /** Gap between header blocks. */
    static final double HEADER_LINE_GAP = 16;
    /** Gap between the header and the first row of frames. */
    static final double HEADER_GAP = 100;
    /** Distance between an arrow's end and the outline of the shape it is bound to. */
    static final double BINDING_GAP = 5;

    private Spacing() {
    }
}
