package io.mockboard.rubric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.mockboard.core.DomainException;

/** The overall recommendation: four points, no neutral option. */
public enum Recommendation {
    STRONG_NO_HIRE("strong_no_hire", "Strong no hire"),
    NO_HIRE("no_hire", "No hire"),
    HIRE("hire", "Hire"),
    STRONG_HIRE("strong_hire", "Strong hire");

    private final String wire;
    private final String label;

    Recommendation(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Recommendation fromWire(String wire) {
        for (Recommendation r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw DomainException.invalid("'" + wire + "' is not a recommendation; use strong_no_hire, no_hire, hire or strong_hire");
    }
}
