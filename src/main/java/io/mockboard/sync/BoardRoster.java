package io.mockboard.sync;

import java.util.List;

/** Who is on a board right now, whichever node holds their sockets (for the lobby). */
public interface BoardRoster {

    /** One person on the board: their name and role (its wire name). */
    record Present(String displayName, String role) {
    }

    /** Everyone with a live socket on the board, on any live node; empty when nobody is. */
    List<Present> online(BoardId board);
}
