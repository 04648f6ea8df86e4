package io.mockboard.sync.room;

import java.util.Objects;

/** A connection's id, assigned by the transport; unique among a room's sessions. */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
