package io.mockboard.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.ComponentKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference coverage: components by kind and flows by kind pair, board against reference. */
class CoverageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kindsFromCustomDataAreComponents() {
        var reference = new Scene().component("r1", "client").component("r2", "ranking-service");
        var board = new Scene().component("b1", "ranking-service").component("b2", "client").component("b3", "client");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.present()).containsExactly(
                new Coverage.KindCount("client", "Client", 2, List.of("b2", "b3")),
                new Coverage.KindCount("ranking-service", "Ranking service", 1, List.of("b1")));
        assertThat(result.missing()).isEmpty();
        assertThat(result.componentScore()).isEqualTo(1.0);
    }

    @Test
    void typedLabelsCountAsTheirKind() {
        var board = new Scene().box("b1", "Online Feature-Store").box("b2", "Redis");
        Coverage.Result result = Coverage.compare(new Scene().component("r1", "feature-store").elements, board.elements);
        assertThat(result.present()).containsExactly(new Coverage.KindCount("feature-store", "Feature store", 1, List.of("b1")));
        assertThat(result.extra()).extracting(Coverage.KindCount::kind).containsExactly("kv-store/cache");
        assertThat(result.unrecognised()).isEmpty();
    }

    @Test
    void customDataWinsOverTheTypedLabel() {
        var board = new Scene().box("b1", "Redis");
        board.get("b1").putObject("customData").put("kind", "feature-store");
        Coverage.Result result = Coverage.compare(new Scene().component("r1", "feature-store").elements, board.elements);
        assertThat(result.present()).extracting(Coverage.KindCount::kind).containsExactly("feature-store");
        assertThat(result.extra()).isEmpty();
    }

    @Test
    void freeTextNamingAKindCountsAsAComponent() {
        var board = new Scene().text("t1", "Kafka").text("t2", "Prediction path");
        Coverage.Result result = Coverage.compare(new Scene().component("r1", "stream/queue").elements, board.elements);
        assertThat(result.present()).containsExactly(new Coverage.KindCount("stream/queue", "Stream / queue", 1, List.of("t1")));
        assertThat(result.unrecognised()).isEmpty();
    }

    @Test
    void shapesWithTextNamingNoKindAreReportedUnrecognised() {
        var board = new Scene().box("b1", "Magic box").box("b2", "A very long description of\nwhat this box does in production")
                .component("b3", "client");
        Coverage.Result result = Coverage.compare(List.of(), board.elements);
        assertThat(result.unrecognised()).extracting(Coverage.Label::shown)
                .containsExactly("Magic box", "A very long description of what this bo…");
        assertThat(result.unrecognised()).extracting(Coverage.Label::text)
                .containsExactly("Magic box", "A very long description of what this box does in production");
        assertThat(result.extra()).extracting(Coverage.KindCount::kind).containsExactly("client");
    }

    @Test
    void deletedElementsAreIgnored() {
        var reference = new Scene().component("r1", "client").component("r2", "model-server").arrow("ra", "r1", "r2");
        var board = new Scene().component("b1", "client").component("b2", "model-server").arrow("a1", "b1", "b2")
                .box("b3", "Magic box").box("b4", "Kafka").deleted("b2").deleted("a1").deleted("b3").deleted("b4-label");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.present()).extracting(Coverage.KindCount::kind).containsExactly("client");
        assertThat(result.missing()).extracting(Coverage.KindCount::kind).containsExactly("model-server");
        assertThat(result.extra()).isEmpty();
        assertThat(result.unrecognised()).isEmpty();
        assertThat(result.flowsMissing()).containsExactly(new Coverage.Flow("client", "model-server", false));
    }

    @Test
    void missingAndExtraKindsFollowTheVocabularyOrder() {
        var reference = new Scene().component("r1", "monitoring").component("r2", "client").component("r3", "ann-index")
                .component("r4", "ann-index");
        var board = new Scene().component("b1", "logging").component("b2", "client").box("b3", "Redis");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.present()).extracting(Coverage.KindCount::kind).containsExactly("client");
        assertThat(result.missing()).containsExactly(
                new Coverage.KindCount("ann-index", "ANN index", 2, List.of("r3", "r4")),
                new Coverage.KindCount("monitoring", "Monitoring", 1, List.of("r1")));
        assertThat(result.extra()).extracting(Coverage.KindCount::kind).containsExactly("kv-store/cache", "logging");
        assertThat(result.componentScore()).isEqualTo(1.0 / 3);
    }

    @Test
    void flowsArePresentReversedOrMissing() {
        var reference = new Scene().component("r1", "client").component("r2", "api-gateway").component("r3", "model-server")
                .component("r4", "logging")
                .flow("f1", "r1", "r2", "client", "api-gateway")
                .flow("f2", "r2", "r3", "api-gateway", "model-server")
                .arrow("f3", "r3", "r4")
                .flow("f4", "r3", "r3", "model-server", "model-server");
        var board = new Scene().box("b1", "Browser").box("b2", "Load balancer").box("b3", "Inference service").box("b4", "Logs")
                .arrow("a1", "b1", "b2").arrow("a2", "b3", "b2").arrow("a3", "b1", "b1");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.flowsPresent()).containsExactly(
                new Coverage.Flow("client", "api-gateway", false),
                new Coverage.Flow("api-gateway", "model-server", true));
        assertThat(result.flowsMissing()).containsExactly(new Coverage.Flow("model-server", "logging", false));
        assertThat(result.flowScore()).isEqualTo(2.0 / 3);
        assertThat(result.componentScore()).isEqualTo(1.0);
    }

    @Test
    void anArrowBoundToALabelCountsForItsContainer() {
        var reference = new Scene().component("r1", "client").component("r2", "stream/queue")
                .flow("f1", "r1", "r2", "client", "stream/queue");
        var board = new Scene().box("b1", "Mobile app").text("t1", "Kafka").arrow("a1", "b1-label", "t1");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.flowsPresent()).containsExactly(new Coverage.Flow("client", "stream/queue", false));
        assertThat(result.flowScore()).isEqualTo(1.0);
    }

    @Test
    void freeTextInsideOrBesideAnUnlabelledShapeNamesItSoItsArrowsCountAsFlows() {
        var reference = new Scene().component("r1", "client").component("r2", "stream/queue")
                .flow("f1", "r1", "r2", "client", "stream/queue");
        var board = new Scene().shape("b1", 0, 0, 200, 100).text("t1", "Mobile app").at("t1", 20, 20, 100, 20)
                .shape("b2", 400, 0, 200, 100).text("t2", "Kafka").at("t2", 610, 40, 20, 20) // 10 px to its right
                .arrow("a1", "b1", "b2");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.flowsPresent()).containsExactly(new Coverage.Flow("client", "stream/queue", false));
        assertThat(result.present()).extracting(Coverage.KindCount::elementIds).containsExactly(List.of("b1"), List.of("b2"));
        assertThat(result.componentScore()).isEqualTo(1.0);
    }

    @Test
    void aShapeGroupedWithAFreeTextTakesItsKindWhereverTheTextIs() {
        var reference = new Scene().component("r1", "feature-store").component("r2", "model-server")
                .flow("f1", "r1", "r2", "feature-store", "model-server");
        var board = new Scene().shape("b1", 0, 0, 200, 100).group("b1", "g1").text("t1", "Feature store").at("t1", 900, 900, 120, 20)
                .group("t1", "g1").box("b2", "Inference service").arrow("a1", "b1", "b2");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.flowsPresent()).containsExactly(new Coverage.Flow("feature-store", "model-server", false));
        assertThat(result.flowScore()).isEqualTo(1.0);
    }

    @Test
    void aFreeTextFarFromEveryShapeNamesNoShapeButStillCountsAsAComponent() {
        var reference = new Scene().component("r1", "client").component("r2", "stream/queue")
                .flow("f1", "r1", "r2", "client", "stream/queue");
        var board = new Scene().shape("b1", 0, 0, 200, 100).text("t1", "Mobile app").at("t1", 0, 200, 100, 20) // 100 px below
                .box("b2", "Kafka").arrow("a1", "b1", "b2");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.flowsMissing()).containsExactly(new Coverage.Flow("client", "stream/queue", false));
        assertThat(result.componentScore()).isEqualTo(1.0);
    }

    @Test
    void aComponentWrittenOnAnArrowCounts() {
        var reference = new Scene().component("r1", "client").component("r2", "stream/queue");
        var board = new Scene().box("b1", "Mobile app").arrow("a1", "b1", "b1").label("a1", "Kafka");
        Coverage.Result result = Coverage.compare(reference.elements, board.elements);
        assertThat(result.present()).extracting(Coverage.KindCount::kind).containsExactly("client", "stream/queue");
        assertThat(result.unrecognised()).isEmpty();
    }

    @Test
    void anEmptyReferenceScoresOne() {
        Coverage.Result result = Coverage.compare(List.of(), new Scene().box("b1", "Kafka").elements);
        assertThat(result.present()).isEmpty();
        assertThat(result.missing()).isEmpty();
        assertThat(result.extra()).extracting(Coverage.KindCount::kind).containsExactly("stream/queue");
        assertThat(result.componentScore()).isEqualTo(1.0);
        assertThat(result.flowScore()).isEqualTo(1.0);
    }

    @Test
    void theReferenceCoversItselfAndTheBlankBoardMissesEveryReferenceKind() throws IOException {
        List<ObjectNode> reference = scene("/catalog/visual-search-reference.json");
        List<ObjectNode> blank = scene("/catalog/visual-search-blank.json");
        List<String> kinds = List.of("client", "object-storage", "embedding-service", "ann-index", "indexing-pipeline",
                "re-ranking-service");

        Coverage.Result itself = Coverage.compare(reference, reference);
        assertThat(itself.present()).extracting(Coverage.KindCount::kind).containsExactlyElementsOf(kinds);
        assertThat(itself.missing()).isEmpty();
        assertThat(itself.extra()).isEmpty();
        assertThat(itself.unrecognised()).isEmpty();
        assertThat(itself.flowsPresent()).hasSize(6).noneMatch(Coverage.Flow::reversed);
        assertThat(itself.flowsMissing()).isEmpty();
        assertThat(itself.componentScore()).isEqualTo(1.0);
        assertThat(itself.flowScore()).isEqualTo(1.0);

        Coverage.Result empty = Coverage.compare(reference, blank);
        assertThat(empty.present()).isEmpty();
        assertThat(empty.missing()).extracting(Coverage.KindCount::kind).containsExactlyElementsOf(kinds);
        assertThat(empty.flowsMissing()).hasSize(6);
        assertThat(empty.componentScore()).isZero();
        assertThat(empty.flowScore()).isZero();
    }

    @Test
    void theResultSerialisesAsJson() throws IOException {
        var board = new Scene().box("b1", "Kafka").box("b2", "Magic box");
        JsonNode json = JSON.valueToTree(Coverage.compare(new Scene().component("r1", "stream/queue").elements, board.elements));
        assertThat(json.path("present").path(0).path("kind").asText()).isEqualTo("stream/queue");
        assertThat(json.path("present").path(0).path("elementIds").path(0).asText()).isEqualTo("b1");
        assertThat(json.path("unrecognised").path(0).path("text").asText()).isEqualTo("Magic box");
        assertThat(json.path("componentScore").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theSynonymTableListsTheWholeVocabulary() {
        String table = Coverage.synonymTableMarkdown();
        assertThat(table.lines()).hasSize(ComponentKind.values().length + 2);
        assertThat(table).contains("| `feature-store` | Feature store | online feature store, offline feature store, feast, features |");
    }

    private static List<ObjectNode> scene(String resource) throws IOException {
        try (InputStream in = Coverage.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<ObjectNode> elements = new ArrayList<>();
            JsonNode scene = JSON.readTree(in).path("scene");
            (scene.isArray() ? scene : scene.path("elements")).forEach(e -> elements.add((ObjectNode) e));
            return elements;
        }
    }

    /** A hand-built Excalidraw scene; only the fields coverage reads. */
    private static final class Scene {
        final List<ObjectNode> elements = new ArrayList<>();

        Scene component(String id, String kind) {
            add(id, "rectangle").putObject("customData").put("kind", kind);
            return this;
        }

        /** A shape with a bound label (id {@code <id>-label}), as Excalidraw makes when you type on a shape. */
        Scene box(String id, String label) {
            add(id, "rectangle").putArray("boundElements").addObject().put("type", "text").put("id", id + "-label");
            add(id + "-label", "text").put("containerId", id).put("text", label).put("originalText", label);
            return this;
        }

        Scene text(String id, String text) {
            add(id, "text").put("text", text).put("originalText", text).putNull("containerId");
            return this;
        }

        Scene arrow(String id, String from, String to) {
            ObjectNode arrow = add(id, "arrow");
            arrow.putObject("startBinding").put("elementId", from);
            arrow.putObject("endBinding").put("elementId", to);
            return this;
        }

        Scene flow(String id, String from, String to, String fromKind, String toKind) {
            arrow(id, from, to);
            get(id).putObject("customData").putObject("flow").put("from", fromKind).put("to", toKind);
            return this;
        }

        /** A shape with nothing written on it. */
        Scene shape(String id, double x, double y, double width, double height) {
            add(id, "rectangle");
            return at(id, x, y, width, height);
        }

        Scene at(String id, double x, double y, double width, double height) {
            get(id).put("x", x).put("y", y).put("width", width).put("height", height);
            return this;
        }

        Scene group(String id, String groupId) {
            get(id).withArray("groupIds").add(groupId);
            return this;
        }

        /** A label bound to an element (an arrow's, here). */
        Scene label(String id, String text) {
            add(id + "-label", "text").put("containerId", id).put("text", text).put("originalText", text);
            return this;
        }

        Scene deleted(String id) {
            get(id).put("isDeleted", true);
            return this;
        }

        ObjectNode get(String id) {
            return elements.stream().filter(e -> e.path("id").asText().equals(id)).findFirst().orElseThrow();
        }

        private ObjectNode add(String id, String type) {
            ObjectNode element = JSON.createObjectNode().put("id", id).put("type", type).put("isDeleted", false);
            elements.add(element);
            return element;
        }
    }

    @Test
    void aLabelLearnedForTheInstallationCountsAsItsKindAndIsNoLongerUnrecognised() {
        var reference = new Scene().component("r1", "ann-index").component("r2", "model-server").arrow("ra", "r1", "r2");
        var board = new Scene().box("b1", "Pinecone  cluster").box("b2", "Inference").arrow("a1", "b1", "b2")
                .box("b3", "Pinecone cluster").box("b4", "Magic box");
        Coverage.Result before = Coverage.compare(reference.elements, board.elements);
        assertThat(before.unrecognised()).extracting(Coverage.Label::text).containsExactly("Pinecone cluster", "Magic box");
        assertThat(before.flowsMissing()).hasSize(1);

        Coverage.Result after = Coverage.compare(reference.elements, board.elements,
                Map.of(ComponentKind.key("pinecone-cluster"), ComponentKind.ANN_INDEX));
        assertThat(after.present()).extracting(Coverage.KindCount::kind).containsExactly("ann-index", "model-server");
        assertThat(after.present().get(0).elementIds()).containsExactly("b1", "b3");
        assertThat(after.flowsPresent()).extracting(Coverage.Flow::from).containsExactly("ann-index");
        assertThat(after.unrecognised()).extracting(Coverage.Label::text).containsExactly("Magic box");
    }

    @Test
    void theShippedVocabularyWinsOverALearnedLabel() {
        var board = new Scene().box("b1", "Redis");
        Coverage.Result result = Coverage.compare(List.of(), board.elements, Map.of(ComponentKind.key("Redis"), ComponentKind.LOGGING));
        assertThat(result.extra()).extracting(Coverage.KindCount::kind).containsExactly("kv-store/cache");
    }
}
