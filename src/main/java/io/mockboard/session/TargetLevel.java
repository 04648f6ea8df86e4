package io.mockboard.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The level the candidate is interviewed for; rubric anchors are read against it. */
public enum TargetLevel {
    JUNIOR, MID, SENIOR, STAFF;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TargetLevel fromWire(String wire) {
        for (TargetLevel level : values()) {
            if (level.wire().equals(wire)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level " + wire);
    }
}
