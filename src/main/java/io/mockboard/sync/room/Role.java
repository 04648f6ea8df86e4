package io.mockboard.sync.room;

import java.util.regex.Pattern;

/**
 * What a participant may do on a board, decided by the access policy at the upgrade ([S10]); sync only reads it.
 *
 * @param name the role's lower-case name, shown to the others on the board
 * @param canEdit whether pushes are allowed; whoever may not edit only watches (and may send presence)
 * @param seesPrivate whether interviewer-private events (notes, unrevealed hints) may reach this participant's socket
 * @param canProtect whether this participant may change protected elements, and protect or unprotect any ([S12])
 */
public record Role(String name, boolean canEdit, boolean seesPrivate, boolean canProtect) {
    /** The wire name of everyone who may not edit: clients show the board read-only to them. */
    public static final String WATCHING = "observer";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,31}");

    public Role {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A role name is lower-case letters and underscores, at most 32: " + name);
        }
    }

    /** The wire form: the name, or {@value #WATCHING} for whoever may not edit. */
    public String wire() {
        return canEdit ? name : WATCHING;
    }
}
