package io.mockboard.sync.room;

import io.mockboard.sync.protocol.ServerMessage;

/**
 * One client connection as the room sees it. Calls come from the room's serial executor and must not
 * block; sending on a closed socket is a silent no-op. After {@link #close} the transport still calls
 * {@link BoardRoom#disconnect} as usual.
 */
public interface RoomSocket {
    void send(ServerMessage message);

    void close(int code, String reason);
}
