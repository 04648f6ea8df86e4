package io.mockboard.sync.room;

import io.mockboard.sync.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/** A socket that records what the room sends. */
final class RecordingSocket implements RoomSocket {
    final List<ServerMessage> sent = new ArrayList<>();
    Integer closeCode;
    String closeReason;

    @Override
    public void send(ServerMessage message) {
        if (closeCode == null) {
            sent.add(message);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closeCode == null) {
            closeCode = code;
            closeReason = reason;
        }
    }

    <T extends ServerMessage> List<T> all(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ServerMessage> T last(Class<T> type) {
        List<T> all = all(type);
        if (all.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " in " + sent);
        }
        return all.getLast();
    }

    void clear() {
        sent.clear();
    }
}
