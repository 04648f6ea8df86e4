package io.mockboard.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whom an invite link lets in: the candidate (draws), an observer (watches) or a co-interviewer (signed-in staff). */
public enum InviteRole {
    CANDIDATE("candidate"), OBSERVER("observer"), CO_INTERVIEWER("co_interviewer");

    private final String wire;

    InviteRole(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static InviteRole fromWire(String wire) {
        for (InviteRole role : values()) {
            if (role.wire.equals(wire)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown invite role " + wire);
    }
}
