package io.mockboard.call;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.call.RecordingStore.Deleter;
import io.mockboard.core.DomainException;
import io.mockboard.session.RecordedVoices;
import io.mockboard.session.RecordedVoices.Deletion;
import io.mockboard.session.RecordedVoices.Reason;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionState;
import io.mockboard.session.SessionSummary;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * How long recorded audio is kept, and who deletes it sooner. The session's owner and admins delete a session's
 * audio (all of it, or one track) once the session is not live; the retention policy deletes the audio of every
 * session that ended longer ago than {@link CallConfig#retention()}, at start and then every {@link #SWEEP_EVERY},
 * never that of a session that has not ended. Each deletion is logged, in the same transaction (who, why, how much),
 * and as a log line.
 */
@Singleton
public class RecordingRetention {
    /** How often the retention policy looks for audio that is due. */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(RecordingRetention.class);

    private final CallConfig config;
    private final SessionAccess access;
    private final RecordingStore store;
    private final Clock clock;
    private final ExecutorService sweeper = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mockboard-retention").daemon(true).factory());
    private long timer = -1;

    RecordingRetention(CallConfig config, SessionAccess access, RecordingStore store, Clock clock) {
        this.config = config;
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    /** Deletes every track of the session, for its owner or an admin; 409 while the session is live. */
    public void deleteAll(UUID sessionId, CurrentUser user) {
        delete(access.require(sessionId, user, Action.DELETE_RECORDINGS), null, user);
    }

    /** Deletes one track, for its session's owner or an admin; 409 while the session is live. */
    public void deleteTrack(UUID trackId, CurrentUser user) {
        Recording track = store.track(trackId).orElseThrow(() -> DomainException.notFound("Recording " + trackId));
        SessionSummary session;
        try {
            session = access.require(track.sessionId(), user, Action.DELETE_RECORDINGS);
        } catch (DomainException e) {
            throw e.kind() == DomainException.Kind.NOT_FOUND ? DomainException.notFound("Recording " + trackId) : e;
        }
        delete(session, trackId, user);
    }

    private void delete(SessionSummary session, UUID trackId, CurrentUser user) {
        if (session.state() == SessionState.LIVE) {
            throw DomainException.conflict("The session is live and its call may still be recording: end it first, then delete "
                    + "its recordings");
        }
        Reason reason = user.id().equals(session.createdBy()) ? Reason.OWNER : Reason.ADMIN;
        store.delete(session.id(), trackId, new Deleter(user.id(), user.name(), reason, null), clock.instant())
                .ifPresent(deleted -> log(session.id(), deleted, "by user " + user.id()));
    }

    /**
     * Deletes the audio of every session that ended longer ago than the retention; never that of a session that has not
     * ended. Runs at start and every {@link #SWEEP_EVERY}; tests call it directly.
     *
     * @return how many sessions' audio it deleted
     */
    public int sweep() {
        Duration retention = config.retention();
        Instant cutoff = cutoff(clock.instant(), retention);
        int swept = 0;
        for (UUID sessionId : store.sessionsRecordedBefore(cutoff)) {
            SessionSummary session = access.summary(sessionId);
            if (session.state() != SessionState.ENDED || session.endedAt() == null || !session.endedAt().isBefore(cutoff)) {
                continue;
            }
            Optional<Deletion> deleted = store.delete(sessionId, null, Deleter.retention(retention), clock.instant());
            if (deleted.isPresent()) {
                log(sessionId, deleted.get(), "kept " + RecordedVoices.span(retention) + " after the session ended at " + session.endedAt());
                swept++;
            }
        }
        return swept;
    }

    /** The end before which a session's audio is due; nothing is that old when the retention reaches past time's start. */
    static Instant cutoff(Instant now, Duration retention) {
        try {
            return now.minus(retention);
        } catch (DateTimeException | ArithmeticException beyond) {
            return Instant.MIN;
        }
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        Duration retention = config.retention();
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("mockboard.call.retention must be positive, not " + retention
                    + "; a very large value such as 36500d keeps recorded audio effectively forever");
        }
        sweeper.execute(this::sweepAndReport);
        timer = vertx.setPeriodic(SWEEP_EVERY.toMillis(), id -> sweeper.execute(this::sweepAndReport));
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        sweeper.shutdown();
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sweepAndReport() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("The retention policy could not delete recorded audio now (%s); it tries again in %d minutes", e.getMessage(),
                    SWEEP_EVERY.toMinutes());
        }
    }

    private static void log(UUID sessionId, Deletion deleted, String detail) {
        LOG.infof("Deleted recorded audio of session %s: %s, %d bytes; reason %s (%s)", sessionId, deleted.amount(), deleted.bytes(),
                deleted.reason().wire(), detail);
    }
}
