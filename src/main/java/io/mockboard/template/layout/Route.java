package io.mockboard.template.layout;

/** How an arrow runs from one component to another. */
public enum Route {
    /** One straight segment between the shapes. */
    STRAIGHT,
    /** Horizontally from the source to the target's column, then vertically into the target. */
    HORIZONTAL_FIRST,
    /** Vertically from the source to the target's row, then horizontally into the target. */
    VERTICAL_FIRST
}
