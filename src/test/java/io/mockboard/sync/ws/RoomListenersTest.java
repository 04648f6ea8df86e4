package io.mockboard.sync.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.SessionId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomListenersTest {

    @Test
    void everyListenerHearsEachEventEvenWhenOneOfThemFails() {
        List<String> heard = new ArrayList<>();
        RoomListener failing = new RoomListener() {
            @Override
            public void joined(BoardId board, SessionId session, Participant who) {
                heard.add("failing");
                throw new IllegalStateException("broken listener");
            }
        };
        RoomListener recording = new RoomListener() {
            @Override
            public void joined(BoardId board, SessionId session, Participant who) {
                heard.add("recording " + who.userId());
            }
        };
        var listeners = new RoomListeners(List.of(failing, recording));
        Participant ada = new Participant("ada", "Ada", io.mockboard.sync.room.TestRoles.CANDIDATE);
        listeners.joined(BoardId.random(), new SessionId("s1"), ada);
        assertThat(heard).containsExactly("failing", "recording ada");
    }
}
