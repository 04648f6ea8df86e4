package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Realistic Excalidraw elements for tests. */
final class TestElements {
    static final ObjectMapper JSON = new ObjectMapper();

    private TestElements() {
    }

    static ObjectNode rect(String id, int version, int nonce) {
        return rect(id, version, nonce, "a0");
    }

    static ObjectNode rect(String id, int version, int nonce, String index) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id).put("type", "rectangle").put("x", 100).put("y", 80).put("width", 240).put("height", 120)
                .put("angle", 0).put("strokeColor", "#1e1e1e").put("backgroundColor", "transparent")
                .put("fillStyle", "solid").put("strokeWidth", 2).put("strokeStyle", "solid").put("roughness", 1)
                .put("opacity", 100);
        e.putArray("groupIds");
        e.putNull("frameId");
        if (index == null) {
            e.putNull("index");
        } else {
            e.put("index", index);
        }
        e.putObject("roundness").put("type", 3);
        e.put("seed", 1_968_410_350).put("version", version).put("versionNonce", nonce).put("isDeleted", false);
        e.putNull("boundElements");
        e.put("updated", 1_700_000_000_000L);
        e.putNull("link");
        e.put("locked", false);
        return e;
    }

    static ObjectNode text(String id, int version, int nonce, String index, String text) {
        ObjectNode e = rect(id, version, nonce, index);
        e.put("type", "text").put("text", text).put("originalText", text).put("fontSize", 20).put("fontFamily", 5)
                .put("textAlign", "left").put("verticalAlign", "top").put("autoResize", true).put("lineHeight", 1.25);
        e.putNull("containerId");
        e.putNull("roundness");
        return e;
    }

    static ObjectNode arrow(String id, int version, int nonce, String index) {
        ObjectNode e = rect(id, version, nonce, index);
        e.put("type", "arrow");
        ArrayNode points = e.putArray("points");
        points.addArray().add(0).add(0);
        points.addArray().add(180).add(40);
        e.putNull("startBinding");
        e.putNull("endBinding");
        e.putNull("startArrowhead");
        e.put("endArrowhead", "arrow");
        e.put("elbowed", false);
        return e;
    }

    /** The same element, one version later, with changes. */
    static ObjectNode next(ObjectNode element, int nonce) {
        ObjectNode e = element.deepCopy();
        e.put("version", element.get("version").asInt() + 1).put("versionNonce", nonce);
        return e;
    }

    static ObjectNode deleted(ObjectNode element, int nonce) {
        return next(element, nonce).put("isDeleted", true);
    }

    static ObjectNode moved(ObjectNode element, int nonce, double x, double y) {
        return next(element, nonce).put("x", x).put("y", y);
    }
}
