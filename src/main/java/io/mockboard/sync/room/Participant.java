package io.mockboard.sync.room;

import java.util.Objects;

/** Who is behind a connection, as authenticated at the upgrade. */
public record Participant(String userId, String displayName, Role role) {
    public Participant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
