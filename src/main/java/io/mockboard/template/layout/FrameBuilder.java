package io.mockboard.template.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A named Excalidraw frame whose content flows top to bottom: headings, notes, component grids and empty
 * room to draw in. Its size follows from the content (at least the scene's frame width); frames in one
 * row share the tallest height.
 */
public final class FrameBuilder {

    private final SceneBuilder scene;
    private final String id;
    private final String name;
    private final String step;
    private final List<FrameItem> items = new ArrayList<>();
    private double width;
    private double naturalHeight;
    private Box box;

    FrameBuilder(SceneBuilder scene, String id, String name, String step) {
        if (name == null || name.isBlank() || step == null || step.isBlank()) {
            throw new IllegalArgumentException("a frame needs a name and a step");
        }
        this.scene = scene;
        this.id = id;
        this.name = name;
        this.step = step;
    }

    /** A heading (28 px). */
    public FrameBuilder heading(String text) {
        items.add(new TextItem(scene.nextId(), text, Font.HEADING, Paint.TEXT, Double.POSITIVE_INFINITY));
        return this;
    }

    /** A paragraph of guidance (18 px), wrapped to the frame. */
    public FrameBuilder note(String text) {
        items.add(new TextItem(scene.nextId(), text, Font.BODY, Paint.GUIDE, Double.POSITIVE_INFINITY));
        return this;
    }

    /** One text block with a bullet per line. */
    public FrameBuilder bullets(List<String> lines) {
        return note(String.join("\n", lines.stream().map(line -> "• " + line).toList()));
    }

    /** A component grid, placed below what the frame holds so far. */
    public GridBuilder grid() {
        GridBuilder grid = new GridBuilder(this, scene);
        items.add(grid);
        return grid;
    }

    /** Empty room of {@code height} px for the candidate to draw in. */
    public FrameBuilder space(double height) {
        items.add(new FrameItem.Space(height));
        return this;
    }

    /** Back to the scene. */
    public SceneBuilder end() {
        return scene;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String step() {
        return step;
    }

    List<FrameItem> items() {
        return items;
    }

    Box box() {
        return box;
    }

    double width() {
        return width;
    }

    double naturalHeight() {
        return naturalHeight;
    }

    /** Computes the frame's own size when it is at least {@code minWidth} wide. */
    void measure(double minWidth) {
        double content = Math.max(minWidth - 2 * Spacing.PAD,
                items.stream().mapToDouble(FrameItem::minWidth).max().orElse(0));
        width = content + 2 * Spacing.PAD;
        double height = 0;
        for (FrameItem item : items) {
            height += item.height(content);
        }
        naturalHeight = 2 * Spacing.PAD + height + Spacing.ITEM_GAP * Math.max(0, items.size() - 1);
    }

    /** Fixes the frame at ({@code x}, {@code y}) with the row's {@code height}, and its items in it. */
    void place(double x, double y, double height) {
        box = new Box(x, y, width, height);
        double content = width - 2 * Spacing.PAD;
        double cursor = y + Spacing.PAD;
        for (FrameItem item : items) {
            double h = item.height(content);
            item.place(x + Spacing.PAD, cursor, content);
            cursor += h + Spacing.ITEM_GAP;
        }
    }
}
