package io.mockboard.session;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a session is in its life: scheduled, then live, then ended (never back). */
public enum SessionState {
    SCHEDULED, LIVE, ENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
