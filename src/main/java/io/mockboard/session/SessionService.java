package io.mockboard.session;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.board.BoardService;
import io.mockboard.board.BoardSummary;
import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates sessions (each with its own board) and moves them scheduled → live → ended. */
@ApplicationScoped
public class SessionService {
    private final BoardService boards;
    private final TemplateService templates;
    private final BoardLog seeder;
    private final SessionAccess access;
    private final Clock clock;
    private final Event<SessionEnded> ended;
    private final Event<SessionStarted> started;

    SessionService(BoardService boards, TemplateService templates, BoardLog seeder, SessionAccess access, Clock clock,
            Event<SessionEnded> ended, Event<SessionStarted> started) {
        this.boards = boards;
        this.templates = templates;
        this.seeder = seeder;
        this.access = access;
        this.clock = clock;
        this.ended = ended;
        this.started = started;
    }

    /** A new session; {@code template} is a template's id or a shipped template's slug, or null for an empty board. */
    public record NewSession(String title, Instant scheduledAt, TargetLevel targetLevel, String template) {}

    /** Creates the session and its board; a template's scene becomes the board's first ops (seq 1..n). */
    @Transactional
    public SessionSummary create(NewSession request, CurrentUser owner) {
        TemplateSummary template = request.template() == null || request.template().isBlank() ? null : template(request.template());
        return create(request, template, owner, false);
    }

    /**
     * A practice session for one signed-in account, started at once on the first step: the person moves the steps,
     * ends it, then sees the reference and scores themselves. Only templates with a reference architecture qualify
     * (400 otherwise, nothing created); guests cannot practise (403).
     */
    @Transactional
    public SessionSummary practise(String templateRef, CurrentUser user) {
        if (user == null || user.isGuest()) {
            throw DomainException.forbidden("Sign in with an account to practise; a guest link is for one interview");
        }
        if (templateRef == null || templateRef.isBlank()) {
            throw DomainException.invalid("Pick a case study to practise");
        }
        TemplateSummary template = template(templateRef);
        if (templates.referenceOf(template.id()).isEmpty()) {
            throw DomainException.invalid("\"" + template.title() + "\" has no reference architecture to compare your board with"
                    + " at the end; practise one of the case studies");
        }
        String title = "Practice · " + template.title().replace(" (blank)", "").replace(" (reference)", "");
        SessionSummary session = create(new NewSession(title, null, null, null), template, user, true);
        return start(session.id(), user);
    }

    /** The account's practice sessions, newest first. */
    @Transactional
    public List<SessionSummary> practiceOf(CurrentUser user) {
        return SessionEntity.<SessionEntity>find("createdBy = ?1 and practice = true", Sort.descending("createdAt"), user.id())
                .page(0, 200).list().stream().map(SessionEntity::toSummary).toList();
    }

    private SessionSummary create(NewSession request, TemplateSummary template, CurrentUser owner, boolean practice) {
        BoardSummary board = boards.create(request.title(), owner.id());
        if (template != null) {
            seeder.seed(board.id(), "template:" + (template.slug() != null ? template.slug() : template.id()), clock.instant(),
                    templates.boardElements(template.id()));
        }
        SessionEntity session = new SessionEntity();
        session.id = UUID.randomUUID();
        session.title = board.title();
        session.boardId = board.id().value();
        session.state = SessionState.SCHEDULED.wire();
        session.scheduledAt = request.scheduledAt();
        session.targetLevel = request.targetLevel() == null ? null : request.targetLevel().wire();
        session.createdBy = owner.id();
        session.createdAt = clock.instant();
        session.templateId = template == null ? null : template.id();
        session.practice = practice;
        session.persist();
        return session.toSummary();
    }

    private TemplateSummary template(String idOrSlug) {
        Optional<TemplateSummary> found;
        try {
            found = templates.find(UUID.fromString(idOrSlug));
        } catch (IllegalArgumentException notAnId) {
            found = templates.findBySlug(idOrSlug);
        }
        return found.orElseThrow(() -> DomainException.invalid("There is no template '" + idOrSlug + "'"));
    }

    /** The session, if this user may see its details (404 for strangers, 403 for candidates and observers). */
    @Transactional
    public SessionSummary get(UUID id, CurrentUser user) {
        return access.require(id, user, Action.VIEW_SESSION);
    }

    /** Sessions this interviewer runs or co-interviews, newest first (every interview for an admin); no practice sessions. */
    @Transactional
    public List<SessionSummary> visibleTo(CurrentUser user) {
        var query = user.isAdmin()
                ? SessionEntity.<SessionEntity>find("practice = false", Sort.descending("createdAt"))
                : SessionEntity.<SessionEntity>find("practice = false and (createdBy = ?1 or id in (select p.sessionId from"
                        + " ParticipantEntity p where p.userId = ?1 and p.role = 'co_interviewer'))", Sort.descending("createdAt"),
                        user.id());
        return query.page(0, 200).list().stream().map(SessionEntity::toSummary).toList();
    }

    /** Chooses the rubric new scorecards of this session use (scorecards already started keep theirs). */
    @Transactional
    public SessionSummary setRubric(UUID id, UUID rubricId, CurrentUser user) {
        access.require(id, user, Action.MANAGE_SESSION);
        SessionEntity session = SessionEntity.findById(id);
        session.rubricId = rubricId;
        return session.toSummary();
    }

    @Transactional
    public SessionSummary start(UUID id, CurrentUser user) {
        SessionSummary session = move(id, user, SessionState.SCHEDULED, SessionState.LIVE);
        started.fire(new SessionStarted(session.id(), user.id(), user.name()));
        return session;
    }

    @Transactional
    public SessionSummary end(UUID id, CurrentUser user) {
        SessionSummary session = move(id, user, SessionState.LIVE, SessionState.ENDED);
        ended.fire(new SessionEnded(session.id(), session.boardId()));
        return session;
    }

    private SessionSummary move(UUID id, CurrentUser user, SessionState from, SessionState to) {
        access.require(id, user, Action.MANAGE_SESSION);
        SessionEntity session = SessionEntity.findById(id);
        if (!session.state.equals(from.wire())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This session is " + session.state + "; only a " + from.wire() + " session can become " + to.wire());
        }
        session.state = to.wire();
        if (to == SessionState.LIVE) {
            session.startedAt = clock.instant();
        } else {
            session.endedAt = clock.instant();
        }
        return session.toSummary();
    }
}
