package io.mockboard.rubric;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Private interviewer notes. Only roles that may read private data write or read them. */
@ApplicationScoped
public class NoteService {
    static final int MAX_BODY = 4000;
    static final int MAX_ELEMENTS = 100;

    private final SessionAccess access;
    private final Clock clock;
    private final Event<NoteAdded> added;

    NoteService(SessionAccess access, Clock clock, Event<NoteAdded> added) {
        this.access = access;
        this.clock = clock;
        this.added = added;
    }

    public record NewNote(String body, List<String> elementIds, String criterion) {}

    @Transactional
    public Note add(UUID sessionId, NewNote request, CurrentUser author) {
        SessionSummary session = access.require(sessionId, author, Action.READ_PRIVATE);
        String body = request.body() == null ? "" : request.body().strip();
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw DomainException.invalid("A note is 1 to " + MAX_BODY + " characters");
        }
        List<String> elements = request.elementIds() == null ? List.of() : request.elementIds();
        if (elements.size() > MAX_ELEMENTS || elements.stream().anyMatch(e -> e == null || e.isBlank() || e.length() > 100)) {
            throw DomainException.invalid("A note pins up to " + MAX_ELEMENTS + " element ids of up to 100 characters");
        }
        if (request.criterion() != null && request.criterion().length() > 100) {
            throw DomainException.invalid("A criterion id is up to 100 characters");
        }
        return persist(session, author, body, elements, request.criterion(), null);
    }

    /** Stores a note (the caller checked access and its fields) and tells the interviewers' sockets once committed. */
    Note persist(SessionSummary session, CurrentUser author, String body, List<String> elements, String criterion, String probeId) {
        NoteEntity note = new NoteEntity();
        note.id = UUID.randomUUID();
        note.sessionId = session.id();
        note.authorId = author.id();
        note.authorName = author.name();
        note.at = clock.instant();
        note.body = body;
        note.elementIds = elements.toArray(String[]::new);
        note.criterion = criterion;
        note.probeId = probeId;
        note.persist();
        added.fire(new NoteAdded(session.boardId(), note.toNote()));
        return note.toNote();
    }

    /**
     * The note that records {@code probeId} as asked in this session, if there is one. Holds a lock on (session,
     * probe) until the transaction ends, so two interviewers asking at once store one note, never a duplicate error.
     */
    Optional<Note> asked(UUID sessionId, String probeId) {
        NoteEntity.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "probe:" + sessionId + "/" + probeId).getSingleResult();
        return NoteEntity.<NoteEntity>find("sessionId = ?1 and probeId = ?2", sessionId, probeId).firstResultOptional()
                .map(NoteEntity::toNote);
    }

    @Transactional
    public List<Note> list(UUID sessionId, CurrentUser reader) {
        access.require(sessionId, reader, Action.READ_PRIVATE);
        return NoteEntity.<NoteEntity>list("sessionId = ?1 order by at", sessionId).stream().map(NoteEntity::toNote).toList();
    }
}
