package io.mockboard.template.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.template.ComponentKind;
import io.mockboard.template.SceneGeometry;
import io.mockboard.template.SceneInvariants;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SceneBuilderTest {

    private static Scene pipeline(String slug) {
        SceneBuilder scene = SceneBuilder.create(slug).title("Pipeline");
        GridBuilder grid = scene.frame("Serving", "serving").heading("Serving").grid();
        Component lake = grid.place(0, 0, ComponentKind.DATA_LAKE, "Data lake");
        Component job = grid.place(0, 1, ComponentKind.BATCH_FEATURE_JOB, "Batch features");
        Component trigger = grid.place(2, 2, ComponentKind.RETRAINING_TRIGGER, "Retrain");
        Component server = grid.place(1, 0, ComponentKind.MODEL_SERVER, "Model server");
        scene.connect(lake, job).connect(job, trigger).connect(lake, server)
                .connect(server, trigger, Route.HORIZONTAL_FIRST);
        return scene.build();
    }

    private static JsonNode byId(Scene scene, String id) {
        return scene.elements().stream().filter(e -> e.get("id").textValue().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("[T6] a component is a shape with a centred label bound both ways")
    void componentHasBoundLabel() {
        Scene scene = pipeline("p");
        JsonNode shape = byId(scene, "p-004");
        JsonNode label = byId(scene, "p-005");
        assertThat(shape.get("type").textValue()).isEqualTo("ellipse");
        assertThat(shape.get("customData").get("kind").textValue()).isEqualTo("data-lake");
        assertThat(shape.get("boundElements").get(0).get("id").textValue()).isEqualTo("p-005");
        assertThat(label.get("containerId").textValue()).isEqualTo("p-004");
        assertThat(label.get("originalText").textValue()).isEqualTo("Data lake");
        assertThat(new SceneInvariants(scene.toJson()).badLabels()).isEmpty();
    }

    @Test
    @DisplayName("[T5] arrows are bound at both ends and touch both outlines")
    void arrowsAreBound() {
        Scene scene = pipeline("p");
        SceneInvariants invariants = new SceneInvariants(scene.toJson());
        assertThat(invariants.ofType("arrow")).hasSize(4);
        assertThat(invariants.badBindings()).isEmpty();
        JsonNode first = invariants.ofType("arrow").getFirst();
        assertThat(first.get("startBinding").get("elementId").textValue()).isEqualTo("p-004");
        assertThat(first.get("customData").get("flow").get("from").textValue()).isEqualTo("data-lake");
        assertThat(first.get("customData").get("flow").get("to").textValue()).isEqualTo("batch-feature-job");
    }

    @Test
    @DisplayName("[T5] a routed arrow bends once and still points at both centres")
    void routedArrowBends() {
        SceneInvariants invariants = new SceneInvariants(pipeline("p").toJson());
        JsonNode routed = invariants.ofType("arrow").getLast();
        assertThat(routed.get("points")).hasSize(3);
        assertThat(invariants.arrowsThroughOthers()).isEmpty();
    }

    @Test
    @DisplayName("[T4] frame children carry the frameId, lie inside, and come before the frame")
    void childrenPrecedeTheirFrame() {
        Scene scene = pipeline("p");
        List<String> types = scene.elements().stream().map(e -> e.get("type").textValue()).toList();
        assertThat(types.getFirst()).isEqualTo("text");
        assertThat(types.getLast()).isEqualTo("frame");
        assertThat(scene.elements().getFirst().get("frameId").isNull()).isTrue();
        assertThat(new SceneInvariants(scene.toJson()).outsideFrames()).isEmpty();
    }

    @Test
    @DisplayName("[T11] ids, seeds, nonces and indices depend only on the slug and the build order")
    void buildIsDeterministic() {
        assertThat(pipeline("p").toJson()).isEqualTo(pipeline("p").toJson());
        assertThat(pipeline("q").elements().getFirst().get("seed"))
                .isNotEqualTo(pipeline("p").elements().getFirst().get("seed"));
        List<String> indices = pipeline("p").elements().stream().map(e -> e.get("index").textValue()).toList();
        assertThat(indices).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("[T3] frames in a row do not overlap and share the row's height")
    void framesShareRows() {
        SceneBuilder scene = SceneBuilder.create("rows").framesPerRow(2);
        scene.frame("A", "a").heading("A").space(100);
        scene.frame("B", "b").heading("B").space(300);
        scene.frame("C", "c").heading("C");
        SceneInvariants invariants = new SceneInvariants(scene.build().toJson());
        List<JsonNode> frames = invariants.ofType("frame");
        assertThat(frames.get(0).get("height")).isEqualTo(frames.get(1).get("height"));
        assertThat(frames.get(2).get("y").doubleValue())
                .isGreaterThan(frames.get(0).get("y").doubleValue() + frames.get(0).get("height").doubleValue());
        assertThat(SceneGeometry.box(frames.get(0)).overlaps(SceneGeometry.box(frames.get(1)))).isFalse();
    }

    @Test
    @DisplayName("a label too long for its shape, a taken cell or a foreign component is refused")
    void refusesBadInput() {
        SceneBuilder scene = SceneBuilder.create("bad");
        GridBuilder grid = scene.frame("F", "f").grid();
        grid.place(0, 0, ComponentKind.CLIENT, "Client");
        assertThatThrownBy(() -> grid.place(0, 0, ComponentKind.CLIENT, "Again"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> grid.place(1, 0, ComponentKind.KV_STORE_CACHE,
                "A label that goes on and on and on and on and on and on and on about the cache"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        Component other = SceneBuilder.create("other").frame("G", "g").grid().place(0, 0, ComponentKind.CLIENT, "X");
        Component mine = grid.place(0, 1, ComponentKind.CLIENT, "Y");
        assertThatThrownBy(() -> scene.connect(mine, other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scene.connect(mine, mine)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SceneBuilder.create("Not A Slug")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("fractional indices follow Excalidraw's integer keys")
    void fractionalIndices() {
        assertThat(FractionalIndex.of(0)).isEqualTo("a0");
        assertThat(FractionalIndex.of(61)).isEqualTo("az");
        assertThat(FractionalIndex.of(62)).isEqualTo("b00");
        assertThat(FractionalIndex.of(63)).isEqualTo("b01");
        assertThat(FractionalIndex.of(61).compareTo(FractionalIndex.of(62))).isNegative();
    }

    @Test
    @DisplayName("text wraps at words, keeps newlines and indents bullet continuations")
    void wrapsText() {
        List<String> lines = TextMetrics.wrap("• one two three four five six\nseven", Font.BODY, 100);
        assertThat(lines.getFirst()).startsWith("• ");
        assertThat(lines.get(1)).startsWith("   ");
        assertThat(lines.getLast()).isEqualTo("seven");
        assertThat(lines).allSatisfy(line -> assertThat(TextMetrics.width(line, Font.BODY)).isLessThanOrEqualTo(100));
    }
}
