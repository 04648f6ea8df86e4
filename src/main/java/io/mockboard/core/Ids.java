package io.mockboard.core;

import java.util.UUID;

/** Ids from URLs: garbage is answered like an unknown id, with a 404 problem. */
public final class Ids {
    private Ids() {}

    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(what + " " + id);
        }
    }
}
