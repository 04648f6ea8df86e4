package io.mockboard.replay;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.rubric.HintService;
import io.mockboard.rubric.NoteService;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import io.mockboard.session.flow.FlowService;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.room.RoomConfig;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.room.Scene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Replay from the recording alone (never the live room): the session's timeline, and the scene at any
 * moment from the nearest snapshot plus the ops after it. Snapshots are taken every
 * {@link RoomConfig#snapshotEveryOps()} ops, which bounds the ops a seek applies.
 */
@ApplicationScoped
public class ReplayService {
    static final Duration QUIET = Duration.ofSeconds(30);
    static final int MAX_CHUNK = 2_000;
    static final int MAX_PRESENCE_CHUNK = 5_000;

    private final SessionAccess access;
    private final BoardLog log;
    private final PresenceLog presence;
    private final FlowService flows;
    private final NoteService notes;
    private final HintService hints;
    private final ScorecardService scorecards;
    private final Clock clock;
    private final int snapshotEveryOps;

    ReplayService(SessionAccess access, BoardLog log, PresenceLog presence, FlowService flows, NoteService notes, HintService hints,
            ScorecardService scorecards, Clock clock, RoomRegistry rooms) {
        this.access = access;
        this.log = log;
        this.presence = presence;
        this.flows = flows;
        this.notes = notes;
        this.hints = hints;
        this.scorecards = scorecards;
        this.clock = clock;
        this.snapshotEveryOps = rooms.config().snapshotEveryOps();
    }

    public Timeline timeline(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        List<Timeline.Marker> markers = new ArrayList<>();
        notes.list(sessionId, user).forEach(n -> markers.add(n.probeId() == null
                ? new Timeline.Marker("note", n.at(), "Note by " + n.author(), n.body(), n.elementIds())
                : new Timeline.Marker("probe", n.at(), "Probe asked by " + n.author(), n.body(), n.elementIds())));
        scorecards.visible(sessionId, user).stream().filter(c -> c.submittedAt() != null).forEach(c -> markers.add(new Timeline.Marker(
                "scorecard", c.submittedAt(), "Scorecard submitted by " + c.author(),
                c.recommendation() == null ? "" : c.recommendation().label(), List.of())));
        hints.revealed(sessionId, user).forEach(h -> markers.add(new Timeline.Marker("hint", h.revealedAt(), "Hint revealed: " + h.title(),
                h.body(), h.elementIds())));
        return timelineOf(session, markers);
    }

    /** A shared review's timeline (the share is the permission): start, steps and end; no private notes or hint cards. */
    public Timeline sharedTimeline(SessionSummary session) {
        return timelineOf(session, new ArrayList<>());
    }

    private Timeline timelineOf(SessionSummary session, List<Timeline.Marker> markers) {
        BoardLog.Extent extent = log.extent(session.boardId());
        if (session.startedAt() != null) {
            markers.add(new Timeline.Marker("start", session.startedAt(), "Session started", "", List.of()));
        }
        var flow = flows.recorded(session);
        flow.moves().forEach(m -> markers.add(new Timeline.Marker("step", m.at(), flow.steps().stream()
                .filter(s -> s.id().equals(m.step())).map(s -> s.number() + " · " + s.title()).findFirst().orElse(m.step()),
                "by " + m.by(), List.of())));
        if (session.endedAt() != null) {
            markers.add(new Timeline.Marker("end", session.endedAt(), "Session ended", "", List.of()));
        }
        markers.sort(Comparator.comparing(Timeline.Marker::at));
        Span span = span(session, extent);
        return new Timeline(session.id(), session.boardId(), span.from(), span.to(), extent.head(), extent.count(),
                presence.presenceCount(session.boardId()), snapshotEveryOps, markers, log.quietStretches(session.boardId(), QUIET));
    }

    /** The scene at a moment of the recording (or after op {@code seq} when given). */
    public SceneAt sceneAt(UUID sessionId, Instant at, Long seq, CurrentUser user) {
        return sceneAt(access.require(sessionId, user, Action.REPLAY), at, seq);
    }

    /** The scene at a moment, for a reader the caller has authorised (a shared review). */
    public SceneAt sceneAt(SessionSummary session, Instant at, Long seq) {
        BoardLog.Extent extent = log.extent(session.boardId());
        Span span = span(session, extent);
        long target;
        if (seq != null) {
            if (seq < 0 || seq > extent.head()) {
                throw DomainException.notFound("Op " + seq + " is not in this recording (it has ops 1 to " + extent.head() + ")");
            }
            target = seq;
        } else {
            Instant moment = at == null ? span.to() : at;
            // clients speak milliseconds: the start's millisecond means the start
            if (!moment.isBefore(span.from().truncatedTo(ChronoUnit.MILLIS)) && moment.isBefore(span.from())) {
                moment = span.from();
            }
            if (moment.isBefore(span.from()) || moment.isAfter(span.to())) {
                throw DomainException.notFound("The moment " + moment + " is not in this recording (it runs from " + span.from()
                        + " to " + span.to() + ")");
            }
            target = log.seqAt(session.boardId(), moment);
        }
        Seek.Result seek = Seek.to(target, new Seek.Recording() {
            @Override
            public Optional<BoardLog.Snapshot> snapshotAtOrBefore(long seq) {
                return log.snapshotAtOrBefore(session.boardId(), seq);
            }

            @Override
            public List<RecordedOp> ops(long afterSeq, long toSeq) {
                return log.ops(session.boardId(), afterSeq, toSeq, Integer.MAX_VALUE).stream().map(RecordedOp::of).toList();
            }
        });
        return new SceneAt(target, seek.last(), seek.snapshotSeq(), seek.applied(), seek.skipped(), seek.scene().visibleElements());
    }

    /** A chunk of ops for playback. */
    public List<RecordedOp> ops(UUID sessionId, long after, int limit, CurrentUser user) {
        return ops(access.require(sessionId, user, Action.REPLAY), after, limit);
    }

    /** A chunk of ops, for a reader the caller has authorised (a shared review). */
    public List<RecordedOp> ops(SessionSummary session, long after, int limit) {
        if (after < 0 || limit < 1 || limit > MAX_CHUNK) {
            throw DomainException.invalid("Ask for 1 to " + MAX_CHUNK + " ops after a seq of 0 or more");
        }
        return log.ops(session.boardId(), after, Long.MAX_VALUE, limit).stream().map(RecordedOp::of).toList();
    }

    /** A chunk of sampled presence for playback: samples with an id after {@code after}. */
    public List<PresenceLog.PresenceSample> presence(UUID sessionId, long after, int limit, CurrentUser user) {
        return presence(access.require(sessionId, user, Action.REPLAY), after, limit);
    }

    /** A chunk of presence samples, for a reader the caller has authorised (a shared review). */
    public List<PresenceLog.PresenceSample> presence(SessionSummary session, long after, int limit) {
        if (after < 0 || limit < 1 || limit > MAX_PRESENCE_CHUNK) {
            throw DomainException.invalid("Ask for 1 to " + MAX_PRESENCE_CHUNK + " samples after an id of 0 or more");
        }
        return presence.presence(session.boardId(), after, limit);
    }

    private record Span(Instant from, Instant to) {}

    private Span span(SessionSummary session, BoardLog.Extent extent) {
        Instant from = session.createdAt();
        Instant to = session.endedAt() != null ? session.endedAt() : clock.instant();
        if (extent.last() != null && extent.last().isAfter(to)) {
            to = extent.last();
        }
        return new Span(from, to);
    }
}
