package io.mockboard.sync;

/**
 * How the domains reach the sockets on a board, without knowing about sockets or rooms. Calls return at once;
 * delivery is best effort to whoever is connected now (a client that reconnects later reads state over REST).
 */
public interface BoardChannel {

    /** Sends the event to the board's open sockets that its audience admits; nobody connected, nothing sent. */
    void send(BoardId board, BoardEvent event);

    /**
     * Closes, on every board, the sockets whose {@link Admission} carries this tag (for example the invite they
     * came in through, once it is revoked).
     */
    void closeTagged(String tag, int code, String reason);

    /**
     * Every socket on the board closes (1001) once everything acknowledged is stored, and clients that reconnect
     * are admitted anew: for a change that affects everyone's standing, such as a session that ended.
     */
    void readmitAll(BoardId board);
}
