package io.mockboard.replay;

import io.mockboard.auth.CurrentUser;
import io.mockboard.board.BoardService;
import io.mockboard.board.BoardSummary;
import io.mockboard.session.SessionService;
import io.mockboard.sync.BoardLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Version history: a new board holding the scene of a recorded moment (the recording itself never changes). */
@ApplicationScoped
public class Restore {
    private final ReplayService replay;
    private final SessionService sessions;
    private final BoardService boards;
    private final BoardLog seeder;
    private final Clock clock;

    Restore(ReplayService replay, SessionService sessions, BoardService boards, BoardLog seeder, Clock clock) {
        this.replay = replay;
        this.sessions = sessions;
        this.boards = boards;
        this.seeder = seeder;
        this.clock = clock;
    }

    @Transactional
    public BoardSummary boardFrom(UUID sessionId, Instant at, CurrentUser user) {
        SceneAt scene = replay.sceneAt(sessionId, at, null, user);
        var session = sessions.get(sessionId, user);
        long seconds = Math.max(0, Duration.between(session.startedAt() == null ? session.createdAt() : session.startedAt(),
                scene.at() == null ? session.createdAt() : scene.at()).toSeconds());
        String title = session.title() + " at " + seconds / 60 + ":" + String.format("%02d", seconds % 60);
        // the recording's content stays with who restored it: a private board, not one open to every account
        BoardSummary board = boards.create(title.length() > 200 ? title.substring(0, 200) : title, user.id(), true);
        seeder.seed(board.id(), "restore:" + sessionId, clock.instant(), scene.elements());
        return board;
    }
}
