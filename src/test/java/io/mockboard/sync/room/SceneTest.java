package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.deleted;
import static io.mockboard.sync.room.TestElements.moved;
import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SceneTest {

    @Test
    @DisplayName("[S5] a higher version replaces the current element")
    void higherVersionWins() {
        Scene scene = Scene.of(List.of(rect("a", 1, 50)));
        assertTrue(scene.apply(rect("a", 2, 99)));
        assertEquals(2, scene.get("a").orElseThrow().get("version").asInt());
        assertFalse(scene.apply(rect("a", 1, 0)), "a lower version never wins, whatever its nonce");
    }

    @Test
    @DisplayName("[S5] equal versions: the lower versionNonce wins; equal (version, nonce) keeps the current")
    void equalVersionLowerNonceWins() {
        ObjectNode current = rect("a", 3, 500);
        Scene scene = Scene.of(List.of(current));
        assertFalse(scene.apply(rect("a", 3, 900)));
        assertTrue(scene.apply(rect("a", 3, -7)));
        assertEquals(-7, scene.get("a").orElseThrow().get("versionNonce").asInt());
        ObjectNode same = rect("a", 3, -7).put("x", 999);
        assertFalse(scene.apply(same), "equal (version, versionNonce) keeps the current element");
        assertEquals(100, scene.get("a").orElseThrow().get("x").asInt());
    }

    @Test
    @DisplayName("[S5] a deletion is a tombstone a stale update cannot resurrect")
    void tombstones() {
        ObjectNode a = rect("a", 1, 10);
        Scene scene = Scene.of(List.of(a));
        scene.apply(deleted(a, 20));
        assertEquals(1, scene.size());
        assertTrue(scene.get("a").orElseThrow().get("isDeleted").asBoolean());
        assertFalse(scene.apply(moved(a, 5, 1, 1).put("version", 2).put("versionNonce", 30)),
                "stale edit with the tombstone's version and a higher nonce loses");
        assertTrue(scene.get("a").orElseThrow().get("isDeleted").asBoolean());
        assertEquals(List.of(), scene.visibleElements());
        ObjectNode restored = TestElements.next(scene.get("a").orElseThrow(), 1).put("isDeleted", false);
        assertTrue(scene.apply(restored), "a newer version restores it");
    }

    @Test
    @DisplayName("[S5] order: fractional index by ordinal compare, null index last, ties by id")
    void order() {
        Scene scene = Scene.of(List.of(rect("z", 1, 1, null), rect("b", 1, 1, "a1"), rect("c", 1, 1, "Zz"),
                rect("a", 1, 1, "a1"), rect("d", 1, 1, "a0V"), rect("e", 1, 1, null)));
        assertEquals(List.of("c", "d", "a", "b", "e", "z"), scene.elements().stream().map(e -> e.get("id").asText()).toList());
    }

    @Test
    @DisplayName("[S5] merging is order-independent: any permutation of the same changes gives the same scene")
    void convergesInAnyOrder() {
        List<ObjectNode> changes = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String id = "e" + random.nextInt(8);
            ObjectNode change = rect(id, 1 + random.nextInt(5), random.nextInt(), "a" + random.nextInt(3));
            change.put("isDeleted", random.nextBoolean()).put("x", random.nextInt(1000));
            changes.add(change);
        }
        Scene reference = Scene.of(changes);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(changes, random);
            assertEquals(reference.elements(), Scene.of(changes).elements());
        }
    }
}
