package io.mockboard.sync.room;

/**
 * A connection's lifecycle inside a room, as types: {@link Connected} (no hello yet) → {@link Joining}
 * (hello received, board still loading) → {@link Live} (welcome sent). Only a live session may push or
 * send presence; a session that has not said hello has no clientId or lastSeq.
 */
sealed interface RoomSession permits RoomSession.Connected, RoomSession.Joining, RoomSession.Live {
    SessionId id();

    RoomSocket socket();

    Participant who();

    String color();

    record Connected(SessionId id, RoomSocket socket, Participant who, String color) implements RoomSession {
        Joining hello(String clientId, long lastSeq) {
            return new Joining(id, socket, who, color, clientId, lastSeq);
        }
    }

    record Joining(SessionId id, RoomSocket socket, Participant who, String color, String clientId, long lastSeq)
            implements RoomSession {
        Live live() {
            return new Live(id, socket, who, color, clientId);
        }

        /** Back to a connection without a hello (its hello was refused once the board was loaded). */
        Connected refused() {
            return new Connected(id, socket, who, color);
        }
    }

    record Live(SessionId id, RoomSocket socket, Participant who, String color, String clientId)
            implements RoomSession {
    }
}
