package io.mockboard.auth;

/** Everything the access policy decides, for REST resources, pages and board sockets alike. */
public enum Action {
    /** See the session's details and lobby. */
    VIEW_SESSION,
    /** Open the board and receive its changes. */
    READ_BOARD,
    /** Change the board (never once the session has ended). */
    WRITE_BOARD,
    /** Read and write interviewer-private data: notes, hint cards not yet revealed. */
    READ_PRIVATE,
    /** See scorecards. */
    READ_SCORECARDS,
    /** Open the recording (the drawing and the conversation). */
    REPLAY,
    /** Record one's own microphone in the session, with consent (never once the session has ended). */
    RECORD_AUDIO,
    /** Create, list and revoke invite links. */
    MANAGE_INVITES,
    /** Move the session through its framework steps (the timer everyone sees). */
    CONTROL_STEPS,
    /** Protect elements of the board (the template's scaffold is protected) and change or unprotect protected ones. */
    PROTECT_ELEMENTS,
    /** Replace or clear the whole board at once (load a file, clear the board); the board page asks before it does. */
    REPLACE_BOARD,
    /** Start and end the session. */
    MANAGE_SESSION,
    /** Delete the session's recorded audio (every voice, or one track): the session's owner and admins only. */
    DELETE_RECORDINGS
}
