package io.mockboard.sync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryRoomStoreTest extends RoomStoreContract {

    @Override
    protected RoomStore newStore() {
        return new InMemoryRoomStore();
    }

    private InMemoryRoomStore memory() {
        return (InMemoryRoomStore) store;
    }

    @Test
    @DisplayName("manual mode parks calls; the write happens when the call completes")
    void manualMode() throws Exception {
        memory().setManual(true);
        CompletableFuture<Void> append = store.append(board, List.of(op(1, "c1", 1, element("a", 1)))).toCompletableFuture();
        assertFalse(append.isDone());
        assertEquals(0, memory().head(board));
        assertEquals(1, memory().parked().size());
        memory().parked().getFirst().complete();
        assertTrue(append.isDone());
        assertEquals(1, memory().head(board));
    }

    @Test
    @DisplayName("injected failures: before commit writes nothing, after commit writes and still fails")
    void injectedFailures() {
        memory().failNextAppends(1);
        assertInstanceOf(StoreUnavailableException.class, failure(store.append(board, List.of(op(1, "c1", 1, element("a", 1))))));
        assertEquals(0, memory().head(board));
        memory().failNextAppendsAfterCommit(1);
        assertInstanceOf(StoreUnavailableException.class, failure(store.append(board, List.of(op(1, "c1", 1, element("a", 1))))));
        assertEquals(1, memory().head(board));
    }

    @Test
    @DisplayName("stored elements are copies: later changes to the caller's nodes do not alter the log")
    void storesCopies() throws Exception {
        var element = element("a", 1);
        await(store.append(board, List.of(op(1, "c1", 1, element))));
        element.put("x", 999);
        assertEquals(1.5, memory().ops(board).getFirst().elements().getFirst().get("x").asDouble());
    }
}
