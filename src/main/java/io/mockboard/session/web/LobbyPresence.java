package io.mockboard.session.web;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardRoster;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Who is on a session's board right now, for the lobby, whichever node holds their sockets. */
@ApplicationScoped
class LobbyPresence {
    private final BoardRoster roster;

    LobbyPresence(BoardRoster roster) {
        this.roster = roster;
    }

    List<String> online(BoardId board) {
        return roster.online(board).stream()
                .map(p -> p.displayName() + " (" + p.role().replace('_', '-') + ")").distinct().toList();
    }
}
