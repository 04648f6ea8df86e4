package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board's materialized elements under Excalidraw's merge rule ([S5]), the one definition shared by the
 * room, the tests and the replay. Per element id the incoming element replaces the current one iff its
 * {@code version} is higher, or the versions are equal and its {@code versionNonce} is lower; equal
 * (version, versionNonce) keeps the current one. Deleted elements stay as tombstones ({@code isDeleted:
 * true}) so a stale update cannot resurrect them. Elements are never mutated; not thread-safe.
 */
public final class Scene {

    /**
     * Scene order: fractional {@code index} by plain ordinal string comparison, elements without index last,
     * ties by id.
     */
    public static final Comparator<ObjectNode> ORDER = Comparator
            .comparing(Scene::indexOf, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Scene::idOf);

    private final Map<String, ObjectNode> elements = new HashMap<>();

    public Scene() {
    }

    /** A scene holding the given elements, merged in order. */
    public static Scene of(Collection<ObjectNode> elements) {
        Scene scene = new Scene();
        scene.applyAll(elements);
        return scene;
    }

    /** Whether {@code incoming} replaces {@code current} (same id) under Excalidraw's rule. */
    public static boolean replaces(ObjectNode incoming, ObjectNode current) {
        long incomingVersion = versionOf(incoming);
        long currentVersion = versionOf(current);
        if (incomingVersion != currentVersion) {
            return incomingVersion > currentVersion;
        }
        return nonceOf(incoming) < nonceOf(current);
    }

    /** Merges one element; returns whether the scene changed. */
    public boolean apply(ObjectNode element) {
        String id = idOf(element);
        ObjectNode current = elements.get(id);
        if (current == null || replaces(element, current)) {
            elements.put(id, element);
            return true;
        }
        return false;
    }

    /** Merges the elements in order; returns how many changed the scene. */
    public int applyAll(Collection<ObjectNode> incoming) {
        int changed = 0;
        for (ObjectNode element : incoming) {
            if (apply(element)) {
                changed++;
            }
        }
        return changed;
    }

    /** Every element, tombstones included, in scene order. */
    public List<ObjectNode> elements() {
        List<ObjectNode> list = new ArrayList<>(elements.values());
        list.sort(ORDER);
        return list;
    }

    /** The elements that are not deleted, in scene order. */
    public List<ObjectNode> visibleElements() {
        return elements().stream().filter(e -> !isDeleted(e)).toList();
    }

    public Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(elements.get(id));
    }

    public int size() {
        return elements.size();
    }

    public Scene copy() {
        Scene copy = new Scene();
        copy.elements.putAll(elements);
        return copy;
    }

    /** Same elements (deep JSON equality), regardless of insertion history. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Scene scene && scene.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "Scene" + elements();
    }

    static String idOf(ObjectNode element) {
        return element.path("id").asText();
    }

    static String indexOf(ObjectNode element) {
        JsonNode index = element.get("index");
        return index != null && index.isTextual() ? index.textValue() : null;
    }

    static long versionOf(ObjectNode element) {
        return element.path("version").asLong();
    }

    static long nonceOf(ObjectNode element) {
        return element.path("versionNonce").asLong();
    }

    static boolean isDeleted(ObjectNode element) {
        return element.path("isDeleted").asBoolean(false);
    }
}
