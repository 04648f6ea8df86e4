package io.mockboard.template.layout;

/** An axis-aligned rectangle in scene coordinates ({@code x}, {@code y} is the top-left corner). */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (!(width >= 0 && height >= 0)) {
            throw new IllegalArgumentException("a box needs a non-negative size: " + width + " x " + height);
        }
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether the interiors intersect (touching edges do not overlap). */
    public boolean overlaps(Box other) {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }

    /** Whether {@code other} lies completely inside this box (edges may touch). */
    public boolean contains(Box other) {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    /** This box grown by {@code margin} on every side. */
    public Box inflate(double margin) {
        return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }
}
