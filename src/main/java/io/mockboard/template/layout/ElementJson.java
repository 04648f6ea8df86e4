package io.mockboard.template.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes Excalidraw 0.18 elements field by field, always in the same order, with every field the editor
 * expects for the type. Numbers are rounded to hundredths so the JSON stays short and stable.
 */
final class ElementJson {

    /** {@code updated} of every generated element (2025-01-01T00:00:00Z): fixed so output is stable. */
    static final long UPDATED = 1_735_689_600_000L;

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ElementJson() {
    }

    static ObjectNode base(String id, String type, Box box, Paint paint, JsonNode roundness, String frameId) {
        ObjectNode node = JSON.objectNode();
        node.put("id", id);
        node.put("type", type);
        number(node, "x", box.x());
        number(node, "y", box.y());
        number(node, "width", box.width());
        number(node, "height", box.height());
        node.put("angle", 0);
        node.put("strokeColor", paint.strokeColor());
        node.put("backgroundColor", paint.backgroundColor());
        node.put("fillStyle", paint.fillStyle());
        node.put("strokeWidth", paint.strokeWidth());
        node.put("strokeStyle", paint.strokeStyle());
        node.put("roughness", paint.roughness());
        node.put("opacity", 100);
        node.putArray("groupIds");
        putNullable(node, "frameId", frameId);
        node.putNull("index");
        node.set("roundness", roundness);
        node.put("seed", Ids.seed(id));
        node.put("version", 1);
        node.put("versionNonce", Ids.nonce(id));
        node.put("isDeleted", false);
        node.putNull("boundElements");
        node.put("updated", UPDATED);
        node.putNull("link");
        node.put("locked", false);
        return node;
    }

    /** A text element; {@code containerId} is null for free text. */
    static ObjectNode text(String id, Box box, Font font, List<String> lines, String originalText,
            boolean centered, String containerId, String frameId, Paint paint) {
        ObjectNode node = base(id, "text", box, paint, NullNode.getInstance(), frameId);
        String text = String.join("\n", lines);
        number(node, "fontSize", font.size());
        node.put("fontFamily", font.family());
        node.put("text", text);
        node.put("textAlign", centered ? "center" : "left");
        node.put("verticalAlign", centered ? "middle" : "top");
        putNullable(node, "containerId", containerId);
        node.put("originalText", originalText);
        node.put("autoResize", true);
        number(node, "lineHeight", font.lineHeight());
        return node;
    }

    /** An arrow through {@code points} (absolute), bound at both ends with focus 0. */
    static ObjectNode arrow(String id, List<double[]> points, String fromId, String toId, double gap,
            String frameId) {
        double[] start = points.getFirst();
        double minX = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double maxX = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double minY = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double maxY = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        Box bounds = new Box(start[0], start[1], maxX - minX, maxY - minY);
        ObjectNode node = base(id, "arrow", bounds, Paint.ARROW, NullNode.getInstance(), frameId);
        ArrayNode relative = node.putArray("points");
        for (double[] point : points) {
            ArrayNode pair = relative.addArray();
            add(pair, point[0] - start[0]);
            add(pair, point[1] - start[1]);
        }
        node.putNull("lastCommittedPoint");
        node.set("startBinding", binding(fromId, gap));
        node.set("endBinding", binding(toId, gap));
        node.putNull("startArrowhead");
        node.put("endArrowhead", "arrow");
        node.put("elbowed", false);
        return node;
    }

    static ObjectNode frame(String id, Box box, String name, String frameStep) {
        ObjectNode node = base(id, "frame", box, Paint.FRAME, NullNode.getInstance(), null);
        node.set("customData", JSON.objectNode().put("step", frameStep));
        node.put("name", name);
        return node;
    }

    static ObjectNode boundRef(String type, String id) {
        return JSON.objectNode().put("id", id).put("type", type);
    }

    private static ObjectNode binding(String elementId, double gap) {
        ObjectNode binding = JSON.objectNode();
        binding.put("elementId", elementId);
        binding.put("focus", 0);
        number(binding, "gap", gap);
        return binding;
    }

    static void number(ObjectNode node, String key, double value) {
        double rounded = round(value);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            node.put(key, (long) rounded);
        } else {
            node.put(key, rounded);
        }
    }

    private static void add(ArrayNode array, double value) {
        double rounded = round(value);
        if (rounded == Math.rint(rounded)) {
            array.add((long) rounded);
        } else {
            array.add(rounded);
        }
    }

    private static double round(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite coordinate: " + value);
        }
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == 0 ? 0 : rounded;
    }

    private static void putNullable(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
