package io.mockboard.template.render;

/** The scene rectangle shown ({@code minX}…{@code height}, scene units) and the picture's size in pixels. */
record Viewport(double minX, double minY, double width, double height, double pixelWidth, double pixelHeight) {

    /** The smallest extent an axis gets, so a straight line still has a picture around it. */
    private static final double MIN_EXTENT = 1;

    /** Fits non-empty {@code bounds} into the options' box, padding in output pixels. */
    static Viewport fit(Bounds bounds, SceneSvg.Options options) {
        double contentWidth = Math.max(bounds.width(), MIN_EXTENT);
        double contentHeight = Math.max(bounds.height(), MIN_EXTENT);
        int padding = options.padding();
        double scale = Math.min((options.maxWidth() - 2.0 * padding) / contentWidth,
                (options.maxHeight() - 2.0 * padding) / contentHeight);
        double margin = padding / scale;
        double minX = bounds.minX() - (contentWidth - bounds.width()) / 2 - margin;
        double minY = bounds.minY() - (contentHeight - bounds.height()) / 2 - margin;
        return new Viewport(minX, minY, contentWidth + 2 * margin, contentHeight + 2 * margin,
                Math.min(options.maxWidth(), contentWidth * scale + 2 * padding),
                Math.min(options.maxHeight(), contentHeight * scale + 2 * padding));
    }
}
