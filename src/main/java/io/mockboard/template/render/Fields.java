package io.mockboard.template.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed reads of element JSON. A number counts only when it is a JSON number, finite and within
 * {@link #LIMIT}; everything else reads as NaN, which callers treat as "leave the element out".
 */
final class Fields {

    /** The largest coordinate or size accepted, in scene units. */
    static final double LIMIT = 1e9;

    private Fields() {
    }

    /** The number in {@code field}, or NaN when missing or invalid. */
    static double number(ObjectNode element, String field) {
        return number(element.get(field));
    }

    /** The number in {@code field}; {@code fallback} when missing or null, NaN when invalid. */
    static double number(ObjectNode element, String field, double fallback) {
        JsonNode node = element.get(field);
        return node == null || node.isNull() ? fallback : number(node);
    }

    /** A styling number in {@code field}, clamped to [{@code min}, {@code max}]; {@code fallback} if not valid. */
    static double setting(ObjectNode element, String field, double fallback, double min, double max) {
        double value = number(element.get(field));
        return Double.isNaN(value) ? fallback : Math.clamp(value, min, max);
    }

    /** The string in {@code field}, or null when missing or not a string. */
    static String text(ObjectNode element, String field) {
        JsonNode node = element.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /**
     * The {@code points} of a linear element made absolute by adding ({@code x}, {@code y}), as {@code xy}
     * pairs; null when missing, empty or holding anything but pairs of valid numbers.
     */
    static double[] points(ObjectNode element, double x, double y) {
        JsonNode points = element.get("points");
        if (points == null || !points.isArray() || points.isEmpty()) {
            return null;
        }
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            double px = point.isArray() ? number(point.get(0)) : Double.NaN;
            double py = point.isArray() ? number(point.get(1)) : Double.NaN;
            if (Double.isNaN(px) || Double.isNaN(py)) {
                return null;
            }
            xy[2 * i] = x + px;
            xy[2 * i + 1] = y + py;
        }
        return xy;
    }

    /** True when every value is a number (not NaN). */
    static boolean valid(double... values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }

    private static double number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Double.NaN;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) && Math.abs(value) <= LIMIT ? value : Double.NaN;
    }
}
