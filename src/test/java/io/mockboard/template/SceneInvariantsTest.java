package io.mockboard.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.layout.Component;
import io.mockboard.template.layout.GridBuilder;
import io.mockboard.template.layout.SceneBuilder;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scene checks catch what they are meant to catch (so a passing catalog means something). */
class SceneInvariantsTest {

    /** Client (s-003) → server (s-005) → store (s-007) in a row, a lone cache (s-009) below the server. */
    private static ArrayNode scene() {
        SceneBuilder scene = SceneBuilder.create("s");
        GridBuilder grid = scene.frame("F", "serving").heading("F").grid();
        Component client = grid.place(0, 0, ComponentKind.CLIENT, "Client");
        Component server = grid.place(0, 1, ComponentKind.MODEL_SERVER, "Server");
        Component store = grid.place(0, 2, ComponentKind.FEATURE_STORE, "Store");
        grid.place(1, 1, ComponentKind.KV_STORE_CACHE, "Cache");
        scene.connect(client, server).connect(server, store);
        return scene.build().toJson();
    }

    private static SceneInvariants edited(String id, Consumer<ObjectNode> edit) {
        ArrayNode elements = scene();
        elements.valueStream().filter(e -> e.get("id").textValue().equals(id))
                .forEach(e -> edit.accept((ObjectNode) e));
        return new SceneInvariants(elements);
    }

    @Test
    @DisplayName("an untouched scene passes every check")
    void cleanScenePasses() {
        SceneInvariants scene = new SceneInvariants(scene());
        assertThat(scene.overlaps()).isEmpty();
        assertThat(scene.outsideFrames()).isEmpty();
        assertThat(scene.badBindings()).isEmpty();
        assertThat(scene.badLabels()).isEmpty();
        assertThat(scene.arrowsThroughOthers()).isEmpty();
    }

    @Test
    @DisplayName("[T3] a shape moved onto another is an overlap")
    void catchesOverlap() {
        SceneInvariants scene = edited("s-009", e -> e.put("y", e.get("y").doubleValue() - 150));
        assertThat(scene.overlaps()).isNotEmpty();
    }

    @Test
    @DisplayName("[T4] a shape moved out of its frame is caught")
    void catchesEscape() {
        assertThat(edited("s-003", e -> e.put("x", -500)).outsideFrames()).isNotEmpty();
    }

    @Test
    @DisplayName("[T5] a shape moved away from its arrow, or an arrow not listed, is caught")
    void catchesDetachedArrow() {
        assertThat(edited("s-003", e -> e.put("x", e.get("x").doubleValue() - 30)).badBindings()).isNotEmpty();
        assertThat(edited("s-003", e -> e.putArray("boundElements")).badBindings()).isNotEmpty();
    }

    @Test
    @DisplayName("[T6] an arrow through another shape is caught")
    void catchesCrossing() {
        SceneInvariants scene = edited("s-009", e -> e.put("y", e.get("y").doubleValue() - 200).put("x", e.get("x").doubleValue() - 60));
        assertThat(scene.arrowsThroughOthers()).isNotEmpty();
    }

    @Test
    @DisplayName("[T7] a label off-centre is caught")
    void catchesLabelOffCentre() {
        assertThat(edited("s-005", e -> e.put("x", e.get("x").doubleValue() + 10)).badLabels()).isNotEmpty();
    }
}
