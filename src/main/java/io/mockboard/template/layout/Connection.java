package io.mockboard.template.layout;

/** An arrow requested between two components. */
record Connection(String id, Component from, Component to, Route route) {

    /** The frame both ends share, or null when the arrow crosses frames. */
    String frameId() {
        return from.frame() == to.frame() ? from.frame().id() : null;
    }
}
