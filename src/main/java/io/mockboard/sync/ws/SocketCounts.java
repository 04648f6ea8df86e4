package io.mockboard.sync.ws;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.FairUse;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open board sockets per person, per person and board, and per board ([S9] fair use): a socket over a cap
 * is closed as it opens, with 4029 (too many of one person's) or 4030 (board full). Counts are exact: a
 * socket that was admitted is released exactly once, when it closes.
 */
@Singleton
class SocketCounts {
    private final FairUse limits;
    private final ConcurrentHashMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perUserBoard = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<BoardId, Integer> perBoard = new ConcurrentHashMap<>();

    SocketCounts(FairUse limits) {
        this.limits = limits;
    }

    /** Admits one more socket, or says which close code refuses it (0: admitted). */
    synchronized int open(BoardId board, String user) {
        String userBoard = board.value() + "/" + user;
        if (perUser.getOrDefault(user, 0) >= limits.maxSocketsPerUser()
                || perUserBoard.getOrDefault(userBoard, 0) >= limits.maxSocketsPerUserBoard()) {
            return CloseCodes.TOO_MANY_CONNECTIONS;
        }
        if (perBoard.getOrDefault(board, 0) >= limits.maxSocketsPerBoard()) {
            return CloseCodes.BOARD_FULL;
        }
        perUser.merge(user, 1, Integer::sum);
        perUserBoard.merge(userBoard, 1, Integer::sum);
        perBoard.merge(board, 1, Integer::sum);
        return 0;
    }

    /** Releases a socket {@link #open} admitted. */
    synchronized void close(BoardId board, String user) {
        perUser.computeIfPresent(user, (k, n) -> n > 1 ? n - 1 : null);
        perUserBoard.computeIfPresent(board.value() + "/" + user, (k, n) -> n > 1 ? n - 1 : null);
        perBoard.computeIfPresent(board, (k, n) -> n > 1 ? n - 1 : null);
    }
}
