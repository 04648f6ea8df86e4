package io.mockboard.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mockboard.sync.BoardChannel;
import io.mockboard.sync.BoardEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;

/** A stored private note goes to the interviewers' sockets on the board at once, never to anyone else's. */
@ApplicationScoped
class NoteEvents {
    private final BoardChannel channel;

    NoteEvents(BoardChannel channel) {
        this.channel = channel;
    }

    /** The {@code note} frame's fields ({@code criterion} and {@code probeId} are null when the note names none). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoteFrame(String id, Instant at, String author, String body, List<String> elementIds, String criterion, String probeId) {}

    void onNote(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoteAdded added) {
        Note note = added.note();
        channel.send(added.boardId(), BoardEvent.toPrivate("note", new NoteFrame(note.id().toString(), note.at(), note.author(),
                note.body(), note.elementIds(), note.criterion(), note.probeId())));
    }
}
