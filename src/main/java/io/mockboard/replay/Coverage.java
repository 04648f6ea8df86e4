package io.mockboard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.ComponentKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reference coverage: which of the reference architecture's component kinds and data flows a candidate's board
 * has. A board component is a shape typed by {@code customData.kind} or by the text written on it, a
 * free-standing text naming a kind, or a label on an arrow naming one. A shape with nothing written on it takes the
 * kind of a free text inside it or next to it (within {@value #NEAR} px) or grouped with it, so that the arrows bound
 * to the shape count as flows. A flow is an arrow bound at both ends to components. Reference components and flows
 * come only from {@code customData} (or, for flows without it, the arrow's bindings).
 */
public final class Coverage {
    private static final Set<String> NOT_SHAPES = Set.of("text", "arrow", "line", "freedraw", "frame", "magicframe", "image");
    private static final int LABEL_MAX = 40;
    /** A label longer than this is cut for mapping too (the synonym table keeps up to 200 characters). */
    private static final int MAPPED_MAX = 200;
    /** How far (scene px) outside a shape a free text still names it. */
    static final int NEAR = 24;

    private Coverage() {
    }

    /**
     * The comparison. Scores are the share of distinct reference kinds (flows) found on the board, 1.0 when the
     * reference has none; flows count in either direction.
     */
    public record Result(List<KindCount> present, List<KindCount> missing, List<KindCount> extra, List<Label> unrecognised,
            List<Flow> flowsPresent, List<Flow> flowsMissing, double componentScore, double flowScore) {
        public boolean hasReversedFlows() {
            return flowsPresent.stream().anyMatch(Flow::reversed);
        }
    }

    /** A label written on a box that names no kind: whole (up to 200 characters, for mapping it) and as shown. */
    public record Label(String text, String shown) {}

    /**
     * A kind and the elements that have it: on the board for present and extra kinds, in the reference for
     * missing ones.
     */
    public record KindCount(String kind, String label, int count, List<String> elementIds) {}

    /** A data flow between two kinds (wire names); {@code reversed} when the board only has it the other way. */
    public record Flow(String from, String to, boolean reversed) {
        /** "Feature store → Ranking service" in the vocabulary's labels. */
        public String title() {
            return label(from) + " → " + label(to);
        }

        private static String label(String wire) {
            return ComponentKind.fromWire(wire).map(ComponentKind::label).orElse(wire);
        }
    }

    private record Edge(ComponentKind from, ComponentKind to) {
        static final Comparator<Edge> ORDER = Comparator.comparing(Edge::from).thenComparing(Edge::to);

        Edge reverse() {
            return new Edge(to, from);
        }

        Flow flow(boolean reversed) {
            return new Flow(from.wire(), to.wire(), reversed);
        }
    }

    public static Result compare(List<ObjectNode> reference, List<ObjectNode> board) {
        return compare(reference, board, Map.of());
    }

    /**
     * The comparison, where a label the vocabulary does not know also counts as the kind {@code learned} maps its
     * {@link ComponentKind#key(String)} to.
     */
    public static Result compare(List<ObjectNode> reference, List<ObjectNode> board, Map<String, ComponentKind> learned) {
        Scene ref = new Scene(reference, false, text -> Optional.empty());
        Scene cand = new Scene(board, true, text -> ComponentKind.match(text)
                .or(() -> Optional.ofNullable(learned.get(ComponentKind.key(text)))));
        Map<ComponentKind, List<String>> refKinds = ref.idsByKind();
        Map<ComponentKind, List<String>> boardKinds = cand.idsByKind();

        List<KindCount> present = new ArrayList<>();
        List<KindCount> missing = new ArrayList<>();
        List<KindCount> extra = new ArrayList<>();
        refKinds.forEach((kind, refIds) -> {
            List<String> ids = boardKinds.get(kind);
            if (ids == null) {
                missing.add(count(kind, refIds));
            } else {
                present.add(count(kind, ids));
            }
        });
        boardKinds.forEach((kind, ids) -> {
            if (!refKinds.containsKey(kind)) {
                extra.add(count(kind, ids));
            }
        });

        Set<Edge> drawn = cand.edges(false);
        List<Flow> flowsPresent = new ArrayList<>();
        List<Flow> flowsMissing = new ArrayList<>();
        Set<Edge> expected = ref.edges(true);
        for (Edge edge : expected) {
            if (drawn.contains(edge)) {
                flowsPresent.add(edge.flow(false));
            } else if (drawn.contains(edge.reverse())) {
                flowsPresent.add(edge.flow(true));
            } else {
                flowsMissing.add(edge.flow(false));
            }
        }
        return new Result(List.copyOf(present), List.copyOf(missing), List.copyOf(extra), List.copyOf(cand.unrecognised.values()),
                List.copyOf(flowsPresent), List.copyOf(flowsMissing), share(present.size(), refKinds.size()),
                share(flowsPresent.size(), expected.size()));
    }

    /** The component vocabulary as a markdown table (wire name, label, synonyms), in enum order. */
    public static String synonymTableMarkdown() {
        StringBuilder table = new StringBuilder("| Kind | Label | Synonyms |\n|---|---|---|\n");
        for (ComponentKind kind : ComponentKind.values()) {
            table.append("| `").append(kind.wire()).append("` | ").append(cell(kind.label())).append(" | ")
                    .append(cell(String.join(", ", kind.synonyms()))).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static KindCount count(ComponentKind kind, List<String> ids) {
        return new KindCount(kind.wire(), kind.label(), ids.size(), List.copyOf(ids));
    }

    private static double share(int found, int of) {
        return of == 0 ? 1.0 : (double) found / of;
    }

    /** The live elements of one scene, with the kind of each component (keyed by element id, in scene order). */
    private static final class Scene {
        final Map<String, ObjectNode> live = new LinkedHashMap<>();
        final Map<String, ComponentKind> kinds = new LinkedHashMap<>();
        /** Labels on boxes that name no kind, once each (by their text). */
        final Map<String, Label> unrecognised = new LinkedHashMap<>();
        /** A free text whose kind went to the unlabelled shape it names → that shape. */
        final Map<String, String> namedShape = new LinkedHashMap<>();

        Scene(List<ObjectNode> elements, boolean readText, Function<String, Optional<ComponentKind>> match) {
            for (ObjectNode element : elements) {
                if (!element.path("isDeleted").asBoolean(false) && !text(element, "id").isEmpty()) {
                    live.put(text(element, "id"), element);
                }
            }
            Map<String, ObjectNode> labels = new LinkedHashMap<>();
            live.values().stream().filter(e -> isText(e) && !containerId(e).isEmpty())
                    .forEach(e -> labels.putIfAbsent(containerId(e), e));
            live.forEach((id, element) -> {
                String type = text(element, "type");
                boolean shape = !NOT_SHAPES.contains(type);
                if (!shape && !isText(element)) {
                    return;
                }
                Optional<ComponentKind> kind = ComponentKind.fromWire(element.path("customData").path("kind").asText(null));
                if (kind.isEmpty() && readText) {
                    if (shape && labels.containsKey(id)) {
                        String label = written(labels.get(id));
                        kind = match.apply(label);
                        if (kind.isEmpty() && !label.isBlank()) {
                            String whole = shorten(label, MAPPED_MAX);
                            unrecognised.putIfAbsent(whole, new Label(whole, shorten(label, LABEL_MAX)));
                        }
                    } else if (isText(element) && containerId(element).isEmpty()) {
                        kind = match.apply(written(element));
                    } else if (isText(element) && "arrow".equals(text(live.getOrDefault(containerId(element), element), "type"))) {
                        kind = match.apply(written(element)); // "Kafka" written on an arrow
                    }
                }
                kind.ifPresent(k -> kinds.put(id, k));
            });
            if (readText) {
                nameUnlabelledShapes(labels);
            }
        }

        /** An unlabelled shape takes the kind of a free text grouped with it, or else of the nearest one in or by it. */
        private void nameUnlabelledShapes(Map<String, ObjectNode> labels) {
            List<String> freeTexts = kinds.keySet().stream()
                    .filter(id -> isText(live.get(id)) && containerId(live.get(id)).isEmpty()).toList();
            live.forEach((id, shape) -> {
                if (NOT_SHAPES.contains(text(shape, "type")) || kinds.containsKey(id) || labels.containsKey(id)) {
                    return;
                }
                freeTexts.stream().filter(t -> !namedShape.containsKey(t))
                        .filter(t -> grouped(shape, live.get(t)) || distance(shape, live.get(t)) <= NEAR)
                        .min(Comparator.comparing((String t) -> !grouped(shape, live.get(t))).thenComparing(t -> distance(shape, live.get(t))))
                        .ifPresent(t -> {
                            kinds.put(id, kinds.remove(t));
                            namedShape.put(t, id);
                        });
            });
        }

        Map<ComponentKind, List<String>> idsByKind() {
            Map<ComponentKind, List<String>> byKind = new EnumMap<>(ComponentKind.class);
            kinds.forEach((id, kind) -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id));
            return byKind;
        }

        /** Distinct flows between different kinds; {@code declared} reads {@code customData.flow} first. */
        Set<Edge> edges(boolean declared) {
            Set<Edge> edges = new TreeSet<>(Edge.ORDER);
            for (ObjectNode element : live.values()) {
                if (!"arrow".equals(text(element, "type"))) {
                    continue;
                }
                JsonNode flow = element.path("customData").path("flow");
                Optional<ComponentKind> from = declared ? ComponentKind.fromWire(flow.path("from").asText(null)) : Optional.empty();
                Optional<ComponentKind> to = declared ? ComponentKind.fromWire(flow.path("to").asText(null)) : Optional.empty();
                if (from.isEmpty() || to.isEmpty()) {
                    from = kindAt(element.path("startBinding").path("elementId").asText(""));
                    to = kindAt(element.path("endBinding").path("elementId").asText(""));
                }
                if (from.isPresent() && to.isPresent() && from.get() != to.get()) {
                    edges.add(new Edge(from.get(), to.get()));
                }
            }
            return edges;
        }

        private Optional<ComponentKind> kindAt(String id) {
            ComponentKind kind = kinds.get(id);
            ObjectNode element = live.get(id);
            if (kind == null && element != null && isText(element)) {
                kind = kinds.get(namedShape.getOrDefault(id, containerId(element)));
            }
            return Optional.ofNullable(kind);
        }
    }

    private static boolean grouped(ObjectNode a, ObjectNode b) {
        for (JsonNode group : a.path("groupIds")) {
            for (JsonNode other : b.path("groupIds")) {
                if (group.equals(other)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How far the text's centre is outside the shape's box (0 inside it), in scene px. */
    private static double distance(ObjectNode shape, ObjectNode text) {
        double cx = text.path("x").asDouble() + text.path("width").asDouble() / 2;
        double cy = text.path("y").asDouble() + text.path("height").asDouble() / 2;
        double x = shape.path("x").asDouble();
        double y = shape.path("y").asDouble();
        double dx = Math.max(Math.max(x - cx, 0), cx - (x + shape.path("width").asDouble()));
        double dy = Math.max(Math.max(y - cy, 0), cy - (y + shape.path("height").asDouble()));
        return Math.hypot(dx, dy);
    }

    private static boolean isText(ObjectNode element) {
        return "text".equals(text(element, "type"));
    }

    private static String containerId(ObjectNode element) {
        return text(element, "containerId");
    }

    private static String written(ObjectNode text) {
        String original = text(text, "originalText");
        return original.isBlank() ? text(text, "text") : original;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    private static String shorten(String label, int max) {
        String line = label.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
