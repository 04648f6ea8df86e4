package io.mockboard.template.layout;

import java.util.List;

/** Free text (a heading, a note, a caption, a header line): wrapped at layout time. */
final class TextItem implements FrameItem {

    private final String id;
    private final String text;
    private final Font font;
    private final Paint paint;
    private final double maxWidth;
    private List<String> lines;
    private Box box;

    /** {@code maxWidth} caps the wrap width below the width the item is given; use infinity for none. */
    TextItem(String id, String text, Font font, Paint paint, double maxWidth) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        this.id = id;
        this.text = text;
        this.font = font;
        this.paint = paint;
        this.maxWidth = maxWidth;
    }

    String id() {
        return id;
    }

    Font font() {
        return font;
    }

    Paint paint() {
        return paint;
    }

    List<String> lines() {
        return lines;
    }

    Box box() {
        return box;
    }

    @Override
    public double minWidth() {
        return 0;
    }

    @Override
    public double height(double contentWidth) {
        lines = TextMetrics.wrap(text, font, Math.min(contentWidth, maxWidth));
        return TextMetrics.blockHeight(lines, font);
    }

    @Override
    public void place(double x, double y, double contentWidth) {
        box = new Box(x, y, TextMetrics.blockWidth(lines, font), TextMetrics.blockHeight(lines, font));
    }

    /** Places the text with its box centred vertically on {@code centerY}. */
    void placeCentredOn(double x, double centerY, double width) {
        height(width);
        double h = TextMetrics.blockHeight(lines, font);
        box = new Box(x, centerY - h / 2, TextMetrics.blockWidth(lines, font), h);
    }
}
