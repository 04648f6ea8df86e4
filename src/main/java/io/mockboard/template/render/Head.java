package io.mockboard.template.render;

import java.util.Optional;

/**
 * An arrowhead in place: its tip, the unit direction the line arrives in ({@code dx}, {@code dy}) and
 * its length along the line.
 */
record Head(Arrowhead kind, double tipX, double tipY, double dx, double dy, double length) {

    private static final double HALF_ANGLE_TAN = Math.tan(Math.toRadians(25));

    /**
     * The head at the end ({@code atEnd}) or start of the absolute points {@code xy}, pointing along the
     * last segment of non-zero length; empty when all points coincide. Heads grow with the stroke but
     * never take more than half of that segment.
     */
    static Optional<Head> on(Arrowhead kind, double[] xy, boolean atEnd, double strokeWidth) {
        int count = xy.length / 2;
        int tip = atEnd ? count - 1 : 0;
        int step = atEnd ? -1 : 1;
        double tipX = xy[2 * tip];
        double tipY = xy[2 * tip + 1];
        for (int i = tip + step; i >= 0 && i < count; i += step) {
            double vx = tipX - xy[2 * i];
            double vy = tipY - xy[2 * i + 1];
            double distance = Math.hypot(vx, vy);
            if (distance > 0) {
                double length = Math.min(12 + 3 * strokeWidth, distance / 2);
                return Optional.of(new Head(kind, tipX, tipY, vx / distance, vy / distance, length));
            }
        }
        return Optional.empty();
    }

    /**
     * The outline as {@code xy} pairs: a triangle or diamond polygon, the two ends of a bar, or the
     * square around a dot.
     */
    double[] outline() {
        double nx = -dy;
        double ny = dx;
        return switch (kind) {
            case TRIANGLE -> {
                double wing = length * HALF_ANGLE_TAN;
                double bx = tipX - dx * length;
                double by = tipY - dy * length;
                yield new double[] {tipX, tipY, bx + nx * wing, by + ny * wing, bx - nx * wing, by - ny * wing};
            }
            case DIAMOND -> {
                double wing = length * 0.3;
                double mx = tipX - dx * length / 2;
                double my = tipY - dy * length / 2;
                yield new double[] {tipX, tipY, mx + nx * wing, my + ny * wing,
                        tipX - dx * length, tipY - dy * length, mx - nx * wing, my - ny * wing};
            }
            case BAR -> {
                double half = length / 2;
                yield new double[] {tipX + nx * half, tipY + ny * half, tipX - nx * half, tipY - ny * half};
            }
            case DOT -> {
                double r = dotRadius();
                double cx = tipX - dx * r;
                double cy = tipY - dy * r;
                yield new double[] {cx - r, cy - r, cx + r, cy - r, cx + r, cy + r, cx - r, cy + r};
            }
        };
    }

    double dotRadius() {
        return length * 0.3;
    }
}
