package io.mockboard.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks pushed Excalidraw elements before anything touches state ([S9]). A push is rejected whole: the
 * first broken rule becomes a {@link ProtocolException} naming the element id (or its position when it
 * has no usable id) and the reason.
 */
final class ElementValidator {

    /** Excalidraw's element types. */
    static final Set<String> TYPES = Set.of(
            "rectangle", "diamond", "ellipse", "arrow", "line", "freedraw", "text", "image", "frame",
            "magicframe", "embeddable", "iframe", "selection");

    /** Types whose {@code points} are required. */
    static final Set<String> POINT_TYPES = Set.of("arrow", "line", "freedraw");

    /** Keys that could pollute a JavaScript prototype when a client merges the element. */
    static final Set<String> FORBIDDEN_KEYS = Set.of("__proto__", "constructor", "prototype");

    /** Top-level keys holding user text, bounded by {@link ProtocolLimits#maxTextChars()}. */
    private static final Set<String> TEXT_KEYS = Set.of("text", "originalText");

    private static final List<String> REQUIRED_NUMBERS = List.of("x", "y", "width", "height");

    private final ProtocolLimits limits;

    ElementValidator(ProtocolLimits limits) {
        this.limits = limits;
    }

    /** Validates a push's {@code elements} array and returns its elements. */
    List<ObjectNode> validatePush(JsonNode elements, Long clientSeq) throws ProtocolException {
        if (elements == null || elements.isNull()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a push needs an 'elements' array", clientSeq);
        }
        if (!elements.isArray()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "'elements' must be an array", clientSeq);
        }
        if (elements.isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a push needs at least one element", clientSeq);
        }
        if (elements.size() > limits.maxElementsPerPush()) {
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "a push may carry at most " + limits.maxElementsPerPush() + " elements, this one has "
                            + elements.size(), clientSeq);
        }
        List<ObjectNode> result = new ArrayList<>(elements.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            ObjectNode element = validate(elements.get(i), i, clientSeq);
            String id = element.get("id").textValue();
            if (!ids.add(id)) {
                throw reject(id, i, "appears more than once in the push", clientSeq);
            }
            result.add(element);
        }
        return result;
    }

    /** Validates one element; {@code position} is its index in the push (for error messages). */
    ObjectNode validate(JsonNode node, int position, Long clientSeq) throws ProtocolException {
        if (node == null || !node.isObject()) {
            throw reject(null, position, "is not an object", clientSeq);
        }
        ObjectNode element = (ObjectNode) node;
        JsonNode idNode = element.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
        if (id == null || id.isEmpty() || id.length() > limits.maxIdChars()) {
            throw reject(null, position, "needs an 'id' string of 1.." + limits.maxIdChars() + " chars", clientSeq);
        }
        // structural rules first (they protect the checks below from hostile shapes)
        String problem = checkTree(element, 1, true);
        if (problem != null) {
            throw reject(id, position, problem, clientSeq);
        }
        problem = checkFields(element);
        if (problem != null) {
            throw reject(id, position, problem, clientSeq);
        }
        return element;
    }

    private String checkFields(ObjectNode element) {
        JsonNode type = element.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.textValue())) {
            return "has an unknown 'type' (expected one of " + String.join(", ", TYPES.stream().sorted().toList()) + ")";
        }
        JsonNode version = element.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            return "needs an integer 'version' >= 1";
        }
        JsonNode nonce = element.get("versionNonce");
        if (nonce == null || !nonce.isIntegralNumber() || !nonce.canConvertToInt()) {
            return "needs an integer 'versionNonce' (32-bit)";
        }
        JsonNode deleted = element.get("isDeleted");
        if (deleted == null || !deleted.isBoolean()) {
            return "needs a boolean 'isDeleted'";
        }
        for (String key : REQUIRED_NUMBERS) {
            JsonNode value = element.get(key);
            if (value == null || !isFinite(value)) {
                return "needs a finite number '" + key + "'";
            }
        }
        JsonNode angle = element.get("angle");
        if (angle != null && !angle.isNull() && !isFinite(angle)) {
            return "has a non-numeric 'angle'";
        }
        JsonNode index = element.get("index");
        if (index != null && !index.isNull()) {
            if (!index.isTextual() || !isFractionalIndex(index.textValue())) {
                return "has an invalid 'index' (null, or a fractional order key of 1.." + limits.maxIdChars() + " chars of [0-9A-Za-z])";
            }
        }
        String fields = ElementFields.check(element, type.textValue(), limits.maxIdChars());
        if (fields != null) {
            return fields;
        }
        JsonNode points = element.get("points");
        boolean needsPoints = POINT_TYPES.contains(type.textValue());
        if (points == null || points.isNull()) {
            if (needsPoints) {
                return "of type " + type.textValue() + " needs 'points'";
            }
        } else {
            String bad = checkPoints(points);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private String checkPoints(JsonNode points) {
        if (!points.isArray()) {
            return "has 'points' that is not an array";
        }
        if (points.size() > limits.maxPoints()) {
            return "has more than " + limits.maxPoints() + " points";
        }
        for (JsonNode point : points) {
            if (!point.isArray() || point.size() != 2 || !isFinite(point.get(0)) || !isFinite(point.get(1))) {
                return "has a point that is not [finite number, finite number]";
            }
        }
        return null;
    }

    /** Depth, forbidden keys, string and array bounds, finite numbers, at every level. */
    private String checkTree(JsonNode node, int depth, boolean topLevel) {
        if (depth > limits.maxElementDepth()) {
            return "is nested deeper than " + limits.maxElementDepth() + " levels";
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (FORBIDDEN_KEYS.contains(key)) {
                    return "contains the forbidden key '" + key + "'";
                }
                if (key.length() > limits.maxStringChars()) {
                    return "has a key longer than " + limits.maxStringChars() + " chars";
                }
                JsonNode value = field.getValue();
                if (key.indexOf('\u0000') >= 0 || (value.isTextual() && value.textValue().indexOf('\u0000') >= 0)) {
                    return "has a NUL character (U+0000) in '" + (key.indexOf('\u0000') >= 0 ? "a key" : key) + "', which cannot be stored";
                }
                if (value.isTextual()) {
                    int max = topLevel && TEXT_KEYS.contains(key) ? limits.maxTextChars() : limits.maxStringChars();
                    if (value.textValue().length() > max) {
                        return "has a string '" + key + "' longer than " + max + " chars";
                    }
                } else if (value.isContainerNode()) {
                    String problem = checkTree(value, depth + 1, false);
                    if (problem != null) {
                        return problem;
                    }
                } else if (value.isNumber() && !isFinite(value)) {
                    return "has a non-finite number '" + key + "'";
                }
            }
        } else if (node.isArray()) {
            if (node.size() > limits.maxPoints()) {
                return "has an array longer than " + limits.maxPoints() + " items";
            }
            for (JsonNode item : node) {
                if (item.isTextual()) {
                    if (item.textValue().indexOf('\u0000') >= 0) {
                        return "has a NUL character (U+0000), which cannot be stored";
                    }
                    if (item.textValue().length() > limits.maxStringChars()) {
                        return "has a string longer than " + limits.maxStringChars() + " chars";
                    }
                } else if (item.isContainerNode()) {
                    String problem = checkTree(item, depth + 1, false);
                    if (problem != null) {
                        return problem;
                    }
                } else if (item.isNumber() && !isFinite(item)) {
                    return "has a non-finite number";
                }
            }
        }
        return null;
    }

    private boolean isFractionalIndex(String index) {
        return index.length() <= limits.maxIdChars() && ElementFields.isOrderKey(index);
    }

    static boolean isFinite(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.doubleValue());
    }

    private static ProtocolException reject(String id, int position, String reason, Long clientSeq) {
        String who = id != null ? "element '" + printable(id) + "'" : "element #" + position;
        return new ProtocolException(ErrorCode.INVALID_ELEMENT, who + " " + reason, clientSeq);
    }

    private static String printable(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
