package io.mockboard.sync.room;

import java.util.Locale;

/** A participant's role on a board; decides per message what they may do ([S10]). */
public enum Role {
    INTERVIEWER, CO_INTERVIEWER, CANDIDATE, OBSERVER, ADMIN;

    /** Whether pushes are allowed; observers only watch (and may send presence). */
    public boolean canEdit() {
        return this != OBSERVER;
    }

    /** The wire form: lower-case name. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
