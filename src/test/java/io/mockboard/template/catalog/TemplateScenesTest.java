package io.mockboard.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.template.ComponentKind;
import io.mockboard.template.SceneInvariants;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template's scene, checked element by element. Rule ids are those of docs/template-catalog.md. */
class TemplateScenesTest {

    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final List<TemplateDefinition> TEMPLATES = Catalog.templates();

    static Stream<Named<TemplateDefinition>> templates() {
        return TEMPLATES.stream().map(t -> Named.of(t.slug(), t));
    }

    private static SceneInvariants scene(TemplateDefinition template) {
        return new SceneInvariants(template.scene().toJson());
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T1] the whole scene is accepted as one sync push")
    void passesSyncValidation(TemplateDefinition template) {
        ArrayNode elements = template.scene().toJson();
        assertThat(elements.size()).isBetween(1, CODEC.limits().maxElementsPerPush());
        String push = "{\"t\":\"push\",\"clientSeq\":1,\"elements\":" + elements + "}";
        ClientMessage message = assertDoesNotThrow(() -> CODEC.decode(push));
        assertThat(((ClientMessage.Push) message).elements()).hasSize(elements.size());
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T2] ids are unique and derived from the slug")
    void idsAreUniqueAndStable(TemplateDefinition template) {
        SceneInvariants scene = scene(template);
        assertThat(scene.duplicateIds()).isEmpty();
        assertThat(scene.elements()).allSatisfy(e -> assertThat(e.get("id").textValue()).startsWith(template.slug() + "-"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T3] no two shapes overlap, and no text overlaps a shape or other text")
    void nothingOverlaps(TemplateDefinition template) {
        assertThat(scene(template).overlaps()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T4] every element in a frame lies inside it and precedes it")
    void framedElementsStayInside(TemplateDefinition template) {
        assertThat(scene(template).outsideFrames()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T5] arrows are bound at both ends, listed by both shapes, and touch their outlines")
    void arrowsAreBound(TemplateDefinition template) {
        assertThat(scene(template).badBindings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T6] no arrow runs through a shape or text it does not connect")
    void arrowsRunClear(TemplateDefinition template) {
        assertThat(scene(template).arrowsThroughOthers()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T7] labels are bound to their shape and centred in it")
    void labelsAreBound(TemplateDefinition template) {
        SceneInvariants scene = scene(template);
        assertThat(scene.badLabels()).isEmpty();
        assertThat(scene.ofType("rectangle", "ellipse", "diamond"))
                .allSatisfy(shape -> assertThat(shape.get("boundElements").toString()).contains("\"type\":\"text\""));
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T8] every component has a vocabulary kind, every arrow the flow between its ends' kinds")
    void componentsAreTyped(TemplateDefinition template) {
        SceneInvariants scene = scene(template);
        assertThat(scene.ofType("rectangle", "ellipse", "diamond")).allSatisfy(shape ->
                assertThat(ComponentKind.fromWire(shape.path("customData").path("kind").asText())).isPresent());
        for (JsonNode arrow : scene.ofType("arrow")) {
            JsonNode flow = arrow.path("customData").path("flow");
            JsonNode from = scene.get(arrow.get("startBinding").get("elementId").textValue());
            JsonNode to = scene.get(arrow.get("endBinding").get("elementId").textValue());
            assertThat(flow.path("from").asText()).isEqualTo(from.path("customData").path("kind").asText());
            assertThat(flow.path("to").asText()).isEqualTo(to.path("customData").path("kind").asText());
        }
        assertThat(scene.ofType("frame")).allSatisfy(frame ->
                assertThat(frame.path("customData").path("step").asText()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T9] text is readable at 100%: labels and notes >= 16 px, a heading >= 20 px in every frame")
    void textIsReadable(TemplateDefinition template) {
        SceneInvariants scene = scene(template);
        assertThat(scene.ofType("text")).allSatisfy(text -> assertThat(text.get("fontSize").doubleValue()).isGreaterThanOrEqualTo(16));
        for (JsonNode frame : scene.ofType("frame")) {
            String id = frame.get("id").textValue();
            assertThat(scene.ofType("text"))
                    .as("heading of frame %s", frame.get("name").textValue())
                    .anySatisfy(text -> {
                        assertThat(text.get("frameId").asText()).isEqualTo(id);
                        assertThat(text.get("containerId").isNull()).isTrue();
                        assertThat(text.get("fontSize").doubleValue()).isGreaterThanOrEqualTo(20);
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T10] every element has the fields Excalidraw 0.18 expects for its type")
    void elementsAreComplete(TemplateDefinition template) {
        for (JsonNode element : scene(template).elements()) {
            assertThat(element.properties().stream().map(java.util.Map.Entry::getKey).toList())
                    .as(element.get("id").textValue())
                    .containsAll(ExcalidrawFields.of(element.get("type").textValue()));
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    @DisplayName("[T11] building the template twice gives identical JSON")
    void buildIsDeterministic(TemplateDefinition template) {
        TemplateDefinition again = Catalog.templates().stream()
                .filter(t -> t.slug().equals(template.slug())).findFirst().orElseThrow();
        assertThat(CatalogJson.render(CatalogJson.template(again)))
                .isEqualTo(CatalogJson.render(CatalogJson.template(template)));
    }
}
