package io.mockboard.board;

import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BoardService {
    static final int MAX_TITLE = 200;

    private final Clock clock;

    BoardService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public BoardSummary create(String title, String createdBy) {
        return create(title, createdBy, false);
    }

    /** A new board; a private one is open only to its creator and admins (see {@link BoardSummary}). */
    @Transactional
    public BoardSummary create(String title, String createdBy, boolean privateToOwner) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > MAX_TITLE) {
            throw DomainException.invalid("A title has 1 to " + MAX_TITLE + " characters");
        }
        BoardEntity board = new BoardEntity();
        board.id = BoardId.random().value();
        board.title = clean;
        board.createdBy = createdBy;
        board.createdAt = clock.instant();
        board.privateToOwner = privateToOwner;
        board.persist();
        return board.toSummary();
    }

    @Transactional
    public Optional<BoardSummary> find(BoardId id) {
        return BoardEntity.<BoardEntity>findByIdOptional(id.value()).map(BoardEntity::toSummary);
    }

    /** The id of an existing board, or a 404 problem for garbage or unknown ids. */
    @Transactional
    public BoardId require(String id) {
        try {
            BoardId board = BoardId.parse(id);
            if (exists(board)) {
                return board;
            }
        } catch (IllegalArgumentException garbage) {
            // answered as not found below
        }
        throw DomainException.notFound("Board " + id);
    }

    @Transactional
    public boolean exists(BoardId id) {
        return BoardEntity.count("id", id.value()) > 0;
    }

    /** The boards this person created, newest first. */
    @Transactional
    public List<BoardSummary> recentOf(String createdBy, int limit) {
        return BoardEntity.<BoardEntity>find("createdBy", Sort.descending("createdAt"), createdBy).page(0, limit).list().stream()
                .map(BoardEntity::toSummary)
                .toList();
    }
}
