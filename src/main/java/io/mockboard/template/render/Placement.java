package io.mockboard.template.render;

/**
 * Where an element sits: its unrotated box in scene units and its clockwise rotation in radians about
 * the box's centre, as Excalidraw stores them. A negative width or height is flipped into the box.
 */
record Placement(double x, double y, double width, double height, double angle) {

    Placement {
        if (width < 0) {
            x += width;
            width = -width;
        }
        if (height < 0) {
            y += height;
            height = -height;
        }
    }

    /** The box around absolute {@code xy} pairs (at least one pair). */
    static Placement around(double[] xy, double angle) {
        double minX = xy[0];
        double minY = xy[1];
        double maxX = minX;
        double maxY = minY;
        for (int i = 2; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return new Placement(minX, minY, maxX - minX, maxY - minY, angle);
    }

    double centreX() {
        return x + width / 2;
    }

    double centreY() {
        return y + height / 2;
    }

    double degrees() {
        return Math.toDegrees(angle);
    }
}
