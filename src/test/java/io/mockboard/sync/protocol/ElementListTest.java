package io.mockboard.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElementListTest {
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ClientCodec client = new ClientCodec(codec);

    private ObjectNode element(String id) {
        return client.parseElement("{\"id\":\"" + id + "\",\"type\":\"text\",\"x\":1.5,\"version\":3,\"text\":\"ü \\\"q\\\" ✓\"}");
    }

    @Test
    @DisplayName("an op is written with its elements' text, the same JSON whether the list holds trees or only text")
    void opFramesAreTheSameFromTreesAndFromText() throws Exception {
        List<ObjectNode> elements = List.of(element("a"), element("b"));
        ElementList trees = ElementList.of(elements);
        ElementList text = ElementList.ofJson(trees.json());
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

        JsonNode fromTrees = client.mapper().readTree(codec.encode(new ServerMessage.Op(7, "u", "c", 3, at, trees)));
        JsonNode fromText = client.mapper().readTree(codec.encode(new ServerMessage.Op(7, "u", "c", 3, at, text)));

        assertEquals(fromTrees, fromText);
        assertEquals(client.mapper().valueToTree(elements), fromText.get("elements"));
        assertEquals("op", fromText.get("t").asText());
        ServerMessage.Op decoded = (ServerMessage.Op) client.decodeServer(codec.encode(new ServerMessage.Op(7, "u", "c", 3, at, text)));
        assertEquals(elements, decoded.elements());
    }

    @Test
    @DisplayName("a compact list reads back the same elements from its text, and keeps the text it was given")
    void compactListParsesOnDemand() {
        ElementList trees = ElementList.of(List.of(element("a"), element("b")));
        ElementList compact = trees.compact();

        assertEquals(2, compact.size());
        assertEquals(trees, compact);
        assertEquals("b", compact.get(1).get("id").asText());
        assertSame(trees.json(), compact.json());
        assertSame(compact.json(), compact.compact().json());
        assertSame(trees, ElementList.of(trees));
    }
}
