package io.mockboard.replay.web;

import io.mockboard.core.DomainException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Moments of a recording as clients send them (ISO-8601). */
final class Moments {
    private Moments() {}

    /** The moment, or null when none is given; 400 when it is malformed. */
    static Instant parse(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("'at' is a moment like 2026-11-22T10:15:00Z");
        }
    }
}
