package io.mockboard.template.render;

/** The axis-aligned extent of everything added so far, in scene units. */
final class Bounds {

    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    /** Adds the four corners of {@code place}, rotated as it is drawn. */
    void addBox(Placement place) {
        add(place, place.x(), place.y());
        add(place, place.x() + place.width(), place.y());
        add(place, place.x(), place.y() + place.height());
        add(place, place.x() + place.width(), place.y() + place.height());
    }

    /** Adds the point ({@code x}, {@code y}) of an element drawn at {@code place}, rotated with it. */
    void add(Placement place, double x, double y) {
        if (place.angle() == 0) {
            add(x, y);
            return;
        }
        double cos = Math.cos(place.angle());
        double sin = Math.sin(place.angle());
        double dx = x - place.centreX();
        double dy = y - place.centreY();
        add(place.centreX() + dx * cos - dy * sin, place.centreY() + dx * sin + dy * cos);
    }

    private void add(double x, double y) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
    }

    double minX() {
        return minX;
    }

    double minY() {
        return minY;
    }

    double width() {
        return maxX - minX;
    }

    double height() {
        return maxY - minY;
    }
}
