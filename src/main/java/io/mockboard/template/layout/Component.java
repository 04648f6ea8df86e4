package io.mockboard.template.layout;

import io.mockboard.template.ComponentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed component placed in a grid: one shape with a centred, bound label. Pass it to
 * {@link SceneBuilder#connect} to draw an arrow; its position is fixed when the scene is built.
 */
public final class Component {

    private final String id;
    private final String labelId;
    private final ComponentKind kind;
    private final String label;
    private final ComponentStyle style;
    private final FrameBuilder frame;
    private final List<String> lines;
    private final List<String> arrowIds = new ArrayList<>();
    private Box box;

    Component(String id, String labelId, ComponentKind kind, String label, FrameBuilder frame) {
        this.id = id;
        this.labelId = labelId;
        this.kind = kind;
        this.label = label;
        this.style = ComponentStyle.of(kind);
        this.frame = frame;
        Box size = new Box(0, 0, style.width(), style.height());
        this.lines = TextMetrics.wrap(label, Font.LABEL, style.shape().maxLabelWidth(size));
        if (TextMetrics.blockHeight(lines, Font.LABEL) > style.shape().maxLabelHeight(size)) {
            throw new IllegalArgumentException("label '" + label + "' is too long for a " + style.shape().wire());
        }
    }

    /** The shape's element id. */
    public String id() {
        return id;
    }

    public ComponentKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    String labelId() {
        return labelId;
    }

    ComponentStyle style() {
        return style;
    }

    /** The frame holding the component, or null for a standalone one. */
    FrameBuilder frame() {
        return frame;
    }

    List<String> lines() {
        return lines;
    }

    List<String> arrowIds() {
        return arrowIds;
    }

    Box box() {
        if (box == null) {
            throw new IllegalStateException("component " + id + " has not been laid out");
        }
        return box;
    }

    void centreOn(double centerX, double centerY) {
        box = new Box(centerX - style.width() / 2, centerY - style.height() / 2, style.width(), style.height());
    }

    /** The bound label's box: the label's extent, centred in the shape. */
    Box labelBox() {
        double w = TextMetrics.blockWidth(lines, Font.LABEL);
        double h = TextMetrics.blockHeight(lines, Font.LABEL);
        return new Box(box().centerX() - w / 2, box().centerY() - h / 2, w, h);
    }
}
