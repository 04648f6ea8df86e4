package io.mockboard.auth;

/**
 * What someone is in one interview session. The session's creator is its {@code INTERVIEWER}, or, in a practice
 * session, the one {@code PRACTICE}-ing alone; others join through invite links; an {@code ADMIN} (realm role) may
 * see every session; {@code NONE} sees nothing, and is answered as if the session did not exist.
 */
public enum SessionRole {
    INTERVIEWER, CO_INTERVIEWER, CANDIDATE, OBSERVER, ADMIN, PRACTICE, NONE
}
