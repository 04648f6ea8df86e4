package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * [S12] Protected elements. An element whose stored version has {@code customData.protected: true} (a template's
 * scaffold: its step frames, headings and prompts) can be moved, edited, deleted or unprotected only by a
 * participant whose role may protect; nobody else may protect an element either. Binding an arrow to a protected
 * element stays open to everyone: a change of a protected element's {@code boundElements} alone is allowed.
 * A push that breaks the rule is refused whole, with the stored versions of every element it carried (those the
 * board has), so the client can put all of them back: the push is undone as a whole. Excalidraw's own {@code locked} is a hint any client can undo; this is enforced.
 */
final class ProtectedElements {
    static final String FLAG = "protected";

    /** What may differ between a protected element's stored version and a pushed one that only binds to it. */
    private static final Set<String> BINDING_ONLY = Set.of("version", "versionNonce", "updated", "boundElements");

    private ProtectedElements() {}

    /** The refusal of this push, or empty when it may go ahead. */
    static Optional<ServerMessage.Error> refusal(Role role, long clientSeq, List<ObjectNode> pushed, CommittedBoard board) {
        if (role.canProtect()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (ObjectNode element : pushed) {
            Optional<ObjectNode> current = board.element(Scene.idOf(element));
            boolean wasProtected = current.map(ProtectedElements::isProtected).orElse(false);
            boolean violates = wasProtected ? !onlyBinds(current.get(), element) : isProtected(element);
            if (violates) {
                names.add(name(current.orElse(element)));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> stored = new ArrayList<>();
        for (ObjectNode element : pushed) {
            board.element(Scene.idOf(element)).ifPresent(stored::add);
        }
        String what = names.getFirst() + (names.size() > 1 ? " and " + (names.size() - 1) + " more" : "");
        return Optional.of(ServerMessage.Error.protectedElements(
                "protected by the interviewer: " + what + " cannot be moved, edited or deleted", clientSeq, stored));
    }

    static boolean isProtected(JsonNode element) {
        return element.path("customData").path(FLAG).asBoolean(false);
    }

    /** Whether the pushed version differs from the stored one only in its bindings (and version stamps). */
    private static boolean onlyBinds(ObjectNode stored, ObjectNode pushed) {
        if (!isProtected(pushed)) {
            return false; // unprotecting is a change of its own
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = pushed.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!BINDING_ONLY.contains(field.getKey()) && !field.getValue().equals(stored.get(field.getKey()))) {
                return false;
            }
        }
        for (Iterator<String> names = stored.fieldNames(); names.hasNext();) {
            String key = names.next();
            if (!BINDING_ONLY.contains(key) && !pushed.has(key)) {
                return false;
            }
        }
        return true;
    }

    /** How the refusal names an element: a frame by its name, a text by its words, anything else by its type. */
    private static String name(ObjectNode element) {
        String type = element.path("type").asText("element");
        String words = switch (type) {
            case "frame" -> element.path("name").asText("");
            case "text" -> element.path("text").asText("");
            default -> "";
        };
        words = words.strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return "a " + type;
        }
        return "the " + type + " \"" + (words.length() > 40 ? words.substring(0, 39) + "…" : words) + "\"";
    }
}
