package io.mockboard.sync.room;

import java.util.Locale;

/** A participant's role on a board; decides per message what they may do ([S10]). */
public enum Role {
    INTERVIEWER, CO_INTERVIEWER, CANDIDATE, OBSERVER, ADMIN;

    /** Whether pushes are allowed; observers only watch (and may send presence). */
    public boolean canEdit() {
        return this != OBSERVER;
    }

    /** Whether interviewer-private messages (notes, unrevealed hints) may reach this participant's socket. */
    public boolean seesPrivate() {
        return this == INTERVIEWER || this == CO_INTERVIEWER || this == ADMIN;
    }

    /** The wire form: lower-case name. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
