package io.mockboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.template.layout.Box;
import java.util.ArrayList;
import java.util.List;

/** Geometry of element JSON, computed independently of the layout code it checks. */
public final class SceneGeometry {

    private SceneGeometry() {
    }

    /** An arrow's points, absolute. */
    public static List<double[]> points(JsonNode arrow) {
        List<double[]> points = new ArrayList<>();
        double x = arrow.get("x").doubleValue();
        double y = arrow.get("y").doubleValue();
        arrow.get("points").forEach(p -> points.add(new double[] {x + p.get(0).doubleValue(), y + p.get(1).doubleValue()}));
        return points;
    }

    /** The element's extent; an arrow's comes from its points, which may run left of or above its origin. */
    public static Box box(JsonNode e) {
        if (e.has("points")) {
            List<double[]> points = points(e);
            double minX = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double minY = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double maxX = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            double maxY = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            return new Box(minX, minY, maxX - minX, maxY - minY);
        }
        return new Box(e.get("x").doubleValue(), e.get("y").doubleValue(), e.get("width").doubleValue(),
                e.get("height").doubleValue());
    }

    /** The element's type. */
    public static String type(JsonNode e) {
        return e.get("type").textValue();
    }

    /** Text that belongs to no container. */
    public static boolean isFreeText(JsonNode e) {
        return "text".equals(type(e)) && e.get("containerId").isNull();
    }

    /** Distance from the centre of a shape to its outline along (dx, dy). */
    static double outlineDistance(String type, Box box, double dx, double dy) {
        double length = Math.hypot(dx, dy);
        double ux = Math.abs(dx) / length;
        double uy = Math.abs(dy) / length;
        double a = box.width() / 2;
        double b = box.height() / 2;
        return switch (type) {
            case "ellipse" -> a * b / Math.hypot(b * ux, a * uy);
            case "diamond" -> a * b / (b * ux + a * uy);
            default -> Math.min(ux == 0 ? Double.MAX_VALUE : a / ux, uy == 0 ? Double.MAX_VALUE : b / uy);
        };
    }

    /** Liang–Barsky: does the segment enter the box's interior? */
    static boolean crosses(double[] p, double[] q, Box box) {
        double t0 = 0;
        double t1 = 1;
        double dx = q[0] - p[0];
        double dy = q[1] - p[1];
        double[] ps = {-dx, dx, -dy, dy};
        double[] qs = {p[0] - box.x(), box.right() - p[0], p[1] - box.y(), box.bottom() - p[1]};
        for (int i = 0; i < 4; i++) {
            if (ps[i] == 0) {
                if (qs[i] <= 0) {
                    return false;
                }
            } else {
                double t = qs[i] / ps[i];
                if (ps[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 - t0 > 1e-9;
    }
}
