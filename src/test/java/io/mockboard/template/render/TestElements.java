package io.mockboard.template.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Minimal Excalidraw elements for tests; callers add or overwrite fields with {@code put}. */
final class TestElements {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestElements() {
    }

    static ObjectNode shape(String type, double x, double y, double width, double height) {
        return JSON.createObjectNode().put("type", type).put("x", x).put("y", y).put("width", width)
                .put("height", height).put("angle", 0).put("strokeColor", "#1e1e1e")
                .put("backgroundColor", "transparent").put("strokeWidth", 2).put("strokeStyle", "solid")
                .put("opacity", 100).put("isDeleted", false);
    }

    static ObjectNode rectangle(double x, double y, double width, double height) {
        return shape("rectangle", x, y, width, height).putNull("roundness");
    }

    static ObjectNode text(String text, double x, double y, double width, double height) {
        return shape("text", x, y, width, height).put("text", text).put("fontSize", 20).put("fontFamily", 5)
                .put("textAlign", "left").put("verticalAlign", "top").put("lineHeight", 1.25);
    }

    /** An arrow from ({@code x}, {@code y}) through the relative points {@code xy} pairs. */
    static ObjectNode arrow(double x, double y, double... xy) {
        ObjectNode arrow = shape("arrow", x, y, 0, 0).putNull("startArrowhead").put("endArrowhead", "arrow");
        ArrayNode points = arrow.putArray("points");
        for (int i = 0; i < xy.length; i += 2) {
            points.add(JSON.createArrayNode().add(xy[i]).add(xy[i + 1]));
        }
        return arrow;
    }
}
