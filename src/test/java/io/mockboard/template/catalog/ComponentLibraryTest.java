package io.mockboard.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.template.ComponentKind;
import io.mockboard.template.SceneInvariants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The component library: one labelled, typed shape per kind, valid for Excalidraw and for sync. */
class ComponentLibraryTest {

    private final ObjectNode library = ComponentLibrary.library();

    @Test
    @DisplayName("[T15] the library is an Excalidraw library v2 with one published item per kind")
    void oneItemPerKind() {
        assertThat(library.get("type").textValue()).isEqualTo("excalidrawlib");
        assertThat(library.get("version").intValue()).isEqualTo(2);
        assertThat(library.get("source").textValue()).isEqualTo("mockboard");
        List<String> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : library.get("libraryItems")) {
            assertThat(item.get("status").textValue()).isEqualTo("published");
            assertThat(item.get("created").longValue()).isEqualTo(ComponentLibrary.CREATED);
            ids.add(item.get("id").textValue());
            SceneInvariants elements = new SceneInvariants(item.get("elements"));
            assertThat(elements.elements()).hasSize(2);
            JsonNode shape = elements.ofType("rectangle", "ellipse", "diamond").getFirst();
            kinds.add(shape.get("customData").get("kind").textValue());
            assertThat(item.get("name").textValue())
                    .isEqualTo(ComponentKind.fromWire(kinds.getLast()).orElseThrow().label());
            assertThat(elements.badLabels()).isEmpty();
            assertThat(elements.outsideFrames()).isEmpty();
            assertThat(shape.get("x").doubleValue()).isZero();
            assertThat(shape.get("y").doubleValue()).isZero();
        }
        assertThat(kinds).containsExactlyElementsOf(
                java.util.Arrays.stream(ComponentKind.values()).map(ComponentKind::wire).toList());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("[T15] every library element is accepted by the sync protocol")
    void elementsPassSyncValidation() {
        ProtocolCodec codec = new ProtocolCodec();
        for (JsonNode item : library.get("libraryItems")) {
            String push = "{\"t\":\"push\",\"clientSeq\":1,\"elements\":" + item.get("elements") + "}";
            assertDoesNotThrow(() -> codec.decode(push), item.get("id").textValue());
        }
    }
}
