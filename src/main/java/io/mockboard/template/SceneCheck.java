package io.mockboard.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.core.DomainException;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a template's scene exactly as sync input is checked (schema, sizes), in push-sized chunks,
 * plus a cap on the whole: a template is seeded into boards, so it must be something a client could have pushed.
 */
@ApplicationScoped
public class SceneCheck {
    public static final int MAX_ELEMENTS = 5_000;

    private final ProtocolCodec codec;
    private final ObjectMapper json = new ObjectMapper();

    SceneCheck(ProtocolCodec codec) {
        this.codec = codec;
    }

    /** The scene's elements, validated and without deleted ones; a clear 400 otherwise. */
    public List<ObjectNode> validElements(List<ObjectNode> elements) {
        List<ObjectNode> live = elements.stream().filter(e -> !e.path("isDeleted").asBoolean(false)).toList();
        if (live.isEmpty()) {
            throw DomainException.invalid("A template needs at least one element");
        }
        if (live.size() > MAX_ELEMENTS) {
            throw DomainException.invalid("A template has at most " + MAX_ELEMENTS + " elements; this one has " + live.size());
        }
        int chunk = codec.limits().maxElementsPerPush();
        List<ObjectNode> checked = new ArrayList<>(live.size());
        for (int from = 0; from < live.size(); from += chunk) {
            List<ObjectNode> part = live.subList(from, Math.min(live.size(), from + chunk));
            try {
                String frame = json.writeValueAsString(Map.of("t", "push", "clientSeq", 1, "elements", part));
                checked.addAll(((ClientMessage.Push) codec.decode(frame)).elements());
            } catch (ProtocolException e) {
                throw DomainException.invalid("This scene cannot be a template: " + e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw DomainException.invalid("This scene cannot be a template: it is not JSON");
            }
        }
        return checked;
    }

    /** Elements that are typed components (they carry a vocabulary kind). */
    public static long componentCount(List<ObjectNode> elements) {
        return elements.stream().filter(e -> ComponentKind.fromWire(e.path("customData").path("kind").asText("")).isPresent()).count();
    }
}
