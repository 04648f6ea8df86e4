package io.mockboard.template.catalog;

/** What kind of board a template gives. */
public enum Variant {
    /** The framework's step frames with guiding questions, no case study. */
    SCAFFOLD("scaffold"),
    /** A case study's prompt over empty step frames. */
    BLANK("blank"),
    /** A case study's step frames plus its reference architecture. */
    REFERENCE("reference"),
    /** One cross-cutting pattern, drawn small enough to reuse. */
    BUILDING_BLOCK("building-block");

    private final String wire;

    Variant(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
