package io.mockboard.template;

import static io.mockboard.template.SceneGeometry.box;
import static io.mockboard.template.SceneGeometry.crosses;
import static io.mockboard.template.SceneGeometry.isFreeText;
import static io.mockboard.template.SceneGeometry.outlineDistance;
import static io.mockboard.template.SceneGeometry.points;
import static io.mockboard.template.SceneGeometry.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.template.layout.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what every generated scene must satisfy, on the element JSON alone (independently of the
 * builder's own geometry). Each check returns the problems it found, empty when the scene is fine.
 */
public final class SceneInvariants {

    /** Shapes a component can be drawn as. */
    public static final Set<String> SHAPES = Set.of("rectangle", "ellipse", "diamond");

    private static final double EPSILON = 0.05;

    private final List<JsonNode> elements;
    private final Map<String, JsonNode> byId = new LinkedHashMap<>();

    public SceneInvariants(JsonNode elements) {
        this.elements = new ArrayList<>();
        elements.forEach(this.elements::add);
        this.elements.forEach(e -> byId.put(e.get("id").textValue(), e));
    }

    public List<JsonNode> elements() {
        return elements;
    }

    public JsonNode get(String id) {
        return byId.get(id);
    }

    public List<JsonNode> ofType(String... types) {
        Set<String> wanted = Set.of(types);
        return elements.stream().filter(e -> wanted.contains(type(e))).toList();
    }

    /** Ids are unique. */
    public List<String> duplicateIds() {
        Set<String> seen = new HashSet<>();
        return elements.stream().map(e -> e.get("id").textValue()).filter(id -> !seen.add(id)).toList();
    }

    /** No two shapes overlap, and no free text overlaps a shape or another free text. */
    public List<String> overlaps() {
        List<JsonNode> solid = elements.stream()
                .filter(e -> SHAPES.contains(type(e)) || isFreeText(e))
                .toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < solid.size(); i++) {
            for (int j = i + 1; j < solid.size(); j++) {
                if (box(solid.get(i)).overlaps(box(solid.get(j)))) {
                    problems.add(id(solid.get(i)) + " overlaps " + id(solid.get(j)));
                }
            }
        }
        return problems;
    }

    /** Every element with a frameId lies inside that frame, and comes before it in z-order. */
    public List<String> outsideFrames() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode e = elements.get(i);
            if (e.get("frameId").isNull()) {
                continue;
            }
            JsonNode frame = byId.get(e.get("frameId").textValue());
            if (frame == null || !"frame".equals(type(frame))) {
                problems.add(id(e) + " names a frame that does not exist");
            } else if (!box(frame).contains(box(e))) {
                problems.add(id(e) + " sticks out of its frame " + id(frame));
            } else if (elements.indexOf(frame) < i) {
                problems.add(id(e) + " comes after its frame " + id(frame));
            }
        }
        return problems;
    }

    /**
     * Every arrow is bound at both ends to existing shapes that list it in boundElements; each end points
     * at the shape's centre (focus 0) and sits the binding gap off the outline.
     */
    public List<String> badBindings() {
        List<String> problems = new ArrayList<>();
        for (JsonNode arrow : ofType("arrow")) {
            List<double[]> points = points(arrow);
            checkEnd(arrow, "startBinding", points.get(0), points.get(1), problems);
            checkEnd(arrow, "endBinding", points.getLast(), points.get(points.size() - 2), problems);
        }
        for (JsonNode e : elements) {
            if (e.get("boundElements").isArray()) {
                for (JsonNode ref : e.get("boundElements")) {
                    JsonNode bound = byId.get(ref.get("id").textValue());
                    if (bound == null || !type(bound).equals(ref.get("type").textValue())) {
                        problems.add(id(e) + " lists a bound element that does not exist: " + ref);
                    } else if ("text".equals(type(bound)) && !id(e).equals(bound.get("containerId").asText())) {
                        problems.add(id(e) + " lists text " + id(bound) + " that is not contained by it");
                    } else if ("arrow".equals(type(bound)) && !isBoundTo(bound, id(e))) {
                        problems.add(id(e) + " lists arrow " + id(bound) + " that is not bound to it");
                    }
                }
            }
        }
        return problems;
    }

    /** Every bound label is listed by its container and centred in it. */
    public List<String> badLabels() {
        List<String> problems = new ArrayList<>();
        for (JsonNode text : ofType("text")) {
            if (text.get("containerId").isNull()) {
                continue;
            }
            JsonNode container = byId.get(text.get("containerId").textValue());
            if (container == null || !container.get("boundElements").isArray()
                    || !listsBound(container, id(text))) {
                problems.add(id(text) + " has a container that does not list it");
                continue;
            }
            Box label = box(text);
            Box shape = box(container);
            if (Math.abs(label.centerX() - shape.centerX()) > EPSILON
                    || Math.abs(label.centerY() - shape.centerY()) > EPSILON
                    || !"center".equals(text.get("textAlign").textValue())
                    || !"middle".equals(text.get("verticalAlign").textValue())) {
                problems.add(id(text) + " is not centred in " + id(container));
            }
            if (!text.get("frameId").equals(container.get("frameId"))) {
                problems.add(id(text) + " is in another frame than its container");
            }
        }
        return problems;
    }

    /** No arrow segment passes through a shape other than its own two ends, or through free text. */
    public List<String> arrowsThroughOthers() {
        List<String> problems = new ArrayList<>();
        for (JsonNode arrow : ofType("arrow")) {
            Set<String> ends = Set.of(arrow.get("startBinding").get("elementId").textValue(),
                    arrow.get("endBinding").get("elementId").textValue());
            List<double[]> points = points(arrow);
            for (JsonNode other : elements) {
                boolean obstacle = SHAPES.contains(type(other)) && !ends.contains(id(other)) || isFreeText(other);
                if (!obstacle) {
                    continue;
                }
                for (int i = 1; i < points.size(); i++) {
                    if (crosses(points.get(i - 1), points.get(i), box(other))) {
                        problems.add(id(arrow) + " runs through " + id(other));
                        break;
                    }
                }
            }
        }
        return problems;
    }

    private void checkEnd(JsonNode arrow, String key, double[] end, double[] previous, List<String> problems) {
        JsonNode binding = arrow.get(key);
        if (binding == null || !binding.isObject()) {
            problems.add(id(arrow) + " has no " + key);
            return;
        }
        JsonNode shape = byId.get(binding.get("elementId").textValue());
        if (shape == null || !SHAPES.contains(type(shape))) {
            problems.add(id(arrow) + " " + key + " names no shape");
            return;
        }
        if (!listsBound(shape, id(arrow))) {
            problems.add(id(shape) + " does not list arrow " + id(arrow));
        }
        Box box = box(shape);
        double dx = end[0] - box.centerX();
        double dy = end[1] - box.centerY();
        double sx = end[0] - previous[0];
        double sy = end[1] - previous[1];
        double offAxis = Math.abs(dx * sy - dy * sx) / Math.hypot(sx, sy);
        if (offAxis > 1) {
            problems.add(id(arrow) + " " + key + " does not point at the centre of " + id(shape));
        }
        double outline = outlineDistance(type(shape), box, dx, dy);
        double gap = Math.hypot(dx, dy) - outline;
        if (Math.abs(gap - binding.get("gap").doubleValue()) > 0.1 || binding.get("focus").doubleValue() != 0) {
            problems.add(id(arrow) + " " + key + " is " + gap + " px off " + id(shape) + ", not its gap");
        }
    }

    private boolean isBoundTo(JsonNode arrow, String shapeId) {
        return shapeId.equals(arrow.get("startBinding").path("elementId").asText())
                || shapeId.equals(arrow.get("endBinding").path("elementId").asText());
    }

    private static boolean listsBound(JsonNode container, String id) {
        for (JsonNode ref : container.get("boundElements")) {
            if (id.equals(ref.get("id").textValue())) {
                return true;
            }
        }
        return false;
    }

    private static String id(JsonNode e) {
        return e.get("id").textValue();
    }

    /** Counts by {@code customData.kind} of the shapes. */
    public Map<String, Integer> kinds() {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode shape : ofType("rectangle", "ellipse", "diamond")) {
            counts.merge(shape.path("customData").path("kind").asText(""), 1, Integer::sum);
        }
        return counts;
    }
}
