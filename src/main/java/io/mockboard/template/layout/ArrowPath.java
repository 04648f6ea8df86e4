package io.mockboard.template.layout;

import java.util.List;

/**
 * The points of an arrow between two laid-out components. Every segment that meets a shape points at the
 * shape's centre (binding focus 0) and stops {@link Spacing#BINDING_GAP} px off its outline, which is
 * where Excalidraw itself keeps a bound arrow.
 */
final class ArrowPath {

    private ArrowPath() {
    }

    static List<double[]> between(Component from, Component to, Route route) {
        Box a = from.box();
        Box b = to.box();
        double[] corner = switch (route) {
            case STRAIGHT -> null;
            case HORIZONTAL_FIRST -> new double[] {b.centerX(), a.centerY()};
            case VERTICAL_FIRST -> new double[] {a.centerX(), b.centerY()};
        };
        if (corner != null && (a.centerX() == b.centerX() || a.centerY() == b.centerY())) {
            corner = null;
        }
        if (corner == null) {
            return List.of(exit(from, b.centerX(), b.centerY()), exit(to, a.centerX(), a.centerY()));
        }
        requireOutside(from, corner);
        requireOutside(to, corner);
        return List.of(exit(from, corner[0], corner[1]), corner, exit(to, corner[0], corner[1]));
    }

    /** The point {@link Spacing#BINDING_GAP} px outside {@code c}'s outline on the way to (tx, ty). */
    private static double[] exit(Component c, double tx, double ty) {
        Box box = c.box();
        double dx = tx - box.centerX();
        double dy = ty - box.centerY();
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            throw new IllegalArgumentException("component " + c.id() + " has no direction to its peer");
        }
        double distance = c.style().shape().outlineDistance(box, dx, dy) + Spacing.BINDING_GAP;
        return new double[] {box.centerX() + dx / length * distance, box.centerY() + dy / length * distance};
    }

    private static void requireOutside(Component c, double[] corner) {
        Box box = c.box();
        double dx = corner[0] - box.centerX();
        double dy = corner[1] - box.centerY();
        if (Math.hypot(dx, dy) <= c.style().shape().outlineDistance(box, dx, dy) + Spacing.BINDING_GAP) {
            throw new IllegalArgumentException("the bend of an arrow lies inside " + c.id());
        }
    }
}
