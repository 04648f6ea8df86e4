package io.mockboard.sync;

import io.mockboard.sync.room.Participant;
import java.util.Objects;
import java.util.Set;

/**
 * A socket's admission to a board: the participant it joins the room as (with the capabilities the access policy
 * gave them), and tags by which the domains can close it later ({@link BoardChannel#closeTagged}).
 */
public record Admission(Participant who, Set<String> tags) {
    public Admission {
        Objects.requireNonNull(who, "who");
        tags = Set.copyOf(tags);
    }
}
