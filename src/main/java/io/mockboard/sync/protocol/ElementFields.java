package io.mockboard.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The fields Excalidraw reads from an element, with their types ([S9]): an element the browser would crash
 * on (no {@code groupIds}, a text without its font, an image without its {@code fileId}, a binding that is
 * not an object, an order key Excalidraw cannot compare) is refused before it reaches the log. Fields that
 * are absent get Excalidraw's defaults in the browser, so only those it cannot do without are required.
 */
final class ElementFields {
    private static final Set<String> BOUND_TYPES = Set.of("arrow", "text");
    private static final Set<String> IMAGE_STATUS = Set.of("pending", "saved", "error");
    private static final Set<String> LINEAR = Set.of("arrow", "line");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SMALLEST_INTEGER = "A" + "0".repeat(26);

    private ElementFields() {}

    /** The first problem with the element's fields, or null. */
    static String check(ObjectNode e, String type, int maxIdChars) {
        String problem = common(e, maxIdChars);
        if (problem != null) {
            return problem;
        }
        return switch (type) {
            case "text" -> text(e);
            case "arrow", "line" -> linear(e);
            case "freedraw" -> freedraw(e);
            case "image" -> image(e, maxIdChars);
            case "frame", "magicframe" -> nullOr(e, "name", JsonNode::isTextual, "a string");
            default -> null;
        };
    }

    private static String common(ObjectNode e, int maxIdChars) {
        JsonNode groups = e.get("groupIds");
        if (groups == null || !groups.isArray()) {
            return "needs a 'groupIds' array (of group ids)";
        }
        for (JsonNode group : groups) {
            if (!group.isTextual() || group.textValue().isEmpty() || group.textValue().length() > maxIdChars) {
                return "has a 'groupIds' item that is not an id of 1.." + maxIdChars + " chars";
            }
        }
        JsonNode bound = e.get("boundElements");
        if (bound != null && !bound.isNull()) {
            if (!bound.isArray()) {
                return "has 'boundElements' that is neither null nor an array";
            }
            for (JsonNode item : bound) {
                if (!item.isObject() || !item.path("id").isTextual() || !BOUND_TYPES.contains(item.path("type").asText(""))) {
                    return "has a 'boundElements' item that is not {id, type: arrow|text}";
                }
            }
        }
        JsonNode roundness = e.get("roundness");
        if (roundness != null && !roundness.isNull() && !(roundness.isObject() && roundness.path("type").isIntegralNumber())) {
            return "has 'roundness' that is neither null nor {type: integer}";
        }
        for (String key : new String[] {"frameId", "link"}) {
            String bad = nullOr(e, key, JsonNode::isTextual, "a string");
            if (bad != null) {
                return bad;
            }
        }
        for (String key : new String[] {"strokeColor", "backgroundColor", "fillStyle", "strokeStyle"}) {
            String bad = optional(e, key, JsonNode::isTextual, "a string");
            if (bad != null) {
                return bad;
            }
        }
        for (String key : new String[] {"strokeWidth", "roughness", "opacity", "seed", "updated"}) {
            String bad = optional(e, key, ElementValidator::isFinite, "a number");
            if (bad != null) {
                return bad;
            }
        }
        return optional(e, "locked", JsonNode::isBoolean, "a boolean");
    }

    private static String text(ObjectNode e) {
        if (!e.path("text").isTextual()) {
            return "of type text needs a 'text' string";
        }
        if (!ElementValidator.isFinite(e.get("fontSize")) || e.get("fontSize").doubleValue() <= 0) {
            return "of type text needs a positive 'fontSize'";
        }
        if (!ElementValidator.isFinite(e.get("fontFamily"))) {
            return "of type text needs a numeric 'fontFamily'";
        }
        for (String key : new String[] {"originalText", "textAlign", "verticalAlign"}) {
            String bad = optional(e, key, JsonNode::isTextual, "a string");
            if (bad != null) {
                return bad;
            }
        }
        String bad = nullOr(e, "containerId", JsonNode::isTextual, "an element id");
        if (bad != null) {
            return bad;
        }
        bad = optional(e, "lineHeight", n -> ElementValidator.isFinite(n) && n.doubleValue() > 0, "a positive number");
        return bad != null ? bad : optional(e, "autoResize", JsonNode::isBoolean, "a boolean");
    }

    private static String linear(ObjectNode e) {
        for (String key : new String[] {"startBinding", "endBinding"}) {
            String bad = nullOr(e, key, n -> n.isObject() && n.path("elementId").isTextual(), "{elementId, …}");
            if (bad != null) {
                return bad;
            }
        }
        for (String key : new String[] {"startArrowhead", "endArrowhead"}) {
            String bad = nullOr(e, key, JsonNode::isTextual, "an arrowhead name");
            if (bad != null) {
                return bad;
            }
        }
        String bad = nullOr(e, "lastCommittedPoint", ElementFields::isPoint, "[x, y]");
        return bad != null || !LINEAR.contains(e.path("type").asText()) ? bad : optional(e, "elbowed", JsonNode::isBoolean, "a boolean");
    }

    private static String freedraw(ObjectNode e) {
        String bad = optional(e, "pressures", n -> n.isArray() && allFinite(n), "an array of numbers");
        if (bad != null) {
            return bad;
        }
        bad = optional(e, "simulatePressure", JsonNode::isBoolean, "a boolean");
        return bad != null ? bad : nullOr(e, "lastCommittedPoint", ElementFields::isPoint, "[x, y]");
    }

    private static String image(ObjectNode e, int maxIdChars) {
        JsonNode file = e.get("fileId");
        if (file == null || !(file.isNull() || (file.isTextual() && !file.textValue().isEmpty() && file.textValue().length() <= maxIdChars))) {
            return "of type image needs a 'fileId' (null while uploading, else an id of 1.." + maxIdChars + " chars)";
        }
        String bad = optional(e, "status", n -> n.isTextual() && IMAGE_STATUS.contains(n.textValue()), "pending, saved or error");
        if (bad != null) {
            return bad;
        }
        return optional(e, "scale", n -> isPoint(n), "[x, y]");
    }

    /**
     * Whether Excalidraw's fractional indexing accepts the key: a head letter saying how long the integer part
     * is ('a'..'z': 2..27 chars, 'A'..'Z': 27..2), base-62 digits, and a fraction that does not end in '0'.
     */
    static boolean isOrderKey(String key) {
        if (key.isEmpty() || key.equals(SMALLEST_INTEGER)) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (BASE62.indexOf(key.charAt(i)) < 0) {
                return false;
            }
        }
        char head = key.charAt(0);
        int integer;
        if (head >= 'a' && head <= 'z') {
            integer = head - 'a' + 2;
        } else if (head >= 'A' && head <= 'Z') {
            integer = 'Z' - head + 2;
        } else {
            return false;
        }
        return key.length() >= integer && (key.length() == integer || key.charAt(key.length() - 1) != '0');
    }

    private interface Shape {
        boolean accepts(JsonNode node);
    }

    private static String optional(ObjectNode e, String key, Shape shape, String what) {
        JsonNode value = e.get(key);
        return value == null || shape.accepts(value) ? null : "has a '" + key + "' that is not " + what;
    }

    private static String nullOr(ObjectNode e, String key, Shape shape, String what) {
        JsonNode value = e.get(key);
        return value == null || value.isNull() || shape.accepts(value) ? null : "has a '" + key + "' that is neither null nor " + what;
    }

    private static boolean isPoint(JsonNode n) {
        return n.isArray() && n.size() == 2 && ElementValidator.isFinite(n.get(0)) && ElementValidator.isFinite(n.get(1));
    }

    private static boolean allFinite(JsonNode array) {
        for (JsonNode item : array) {
            if (!ElementValidator.isFinite(item)) {
                return false;
            }
        }
        return true;
    }
}
