package io.mockboard.template.layout;

/** One block in a frame's top-to-bottom flow. */
sealed interface FrameItem permits TextItem, GridBuilder, FrameItem.Space {

    /** Width the item needs at least (0 when it wraps to whatever it gets). */
    double minWidth();

    /** Height of the item when it gets {@code contentWidth}; called before {@link #place}. */
    double height(double contentWidth);

    /** Fixes the item's position; ({@code x}, {@code y}) is the top-left of its band. */
    void place(double x, double y, double contentWidth);

    /** Empty room to draw in. */
    record Space(double size) implements FrameItem {

        @Override
        public double minWidth() {
            return 0;
        }

        @Override
        public double height(double contentWidth) {
            return size;
        }

        @Override
        public void place(double x, double y, double contentWidth) {
            // nothing to draw
        }
    }
}
