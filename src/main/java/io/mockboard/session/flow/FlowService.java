package io.mockboard.session.flow;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionStarted;
import io.mockboard.session.SessionState;
import io.mockboard.session.SessionSummary;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.mockboard.template.catalog.Framework;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The framework step tracker: a session follows its template's framework (the 7 ML steps, or the 4 general
 * ones); interviewers move it to a step, every move is a server-timestamped event, and everyone on the
 * board sees the step and its timer. Starting a session puts it on the first step.
 */
@ApplicationScoped
public class FlowService {
    private final SessionAccess access;
    private final TemplateService templates;
    private final Clock clock;
    private final Event<StepChanged> changed;

    FlowService(SessionAccess access, TemplateService templates, Clock clock, Event<StepChanged> changed) {
        this.access = access;
        this.templates = templates;
        this.clock = clock;
        this.changed = changed;
    }

    /** The session's steps, current step and moves; everyone who may read the board may read this. */
    @Transactional
    public Flow flow(UUID sessionId, CurrentUser user) {
        return flowOf(access.require(sessionId, user, Action.READ_BOARD));
    }

    /** The steps and moves of a session whose reader the caller has already authorised (a shared review's replay). */
    @Transactional
    public Flow recorded(SessionSummary session) {
        return flowOf(session);
    }

    /** Moves a live session to a step of its framework (interviewers only); moving to the current step changes nothing. */
    @Transactional
    public Flow moveTo(UUID sessionId, String step, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.CONTROL_STEPS);
        if (session.state() != SessionState.LIVE) {
            throw new DomainException(DomainException.Kind.CONFLICT, session.state() == SessionState.SCHEDULED
                    ? "Start the session before moving through its steps" : "This session has ended; its steps are final");
        }
        Flow flow = flowOf(session);
        if (flow.steps().stream().noneMatch(s -> s.id().equals(step))) {
            throw DomainException.invalid("'" + step + "' is not a step of this session's framework; use one of "
                    + flow.steps().stream().map(Flow.Step::id).toList());
        }
        if (step.equals(flow.current())) {
            return flow;
        }
        record(session, step, user.id(), user.name());
        return flowOf(session);
    }

    void onStarted(@Observes SessionStarted started) {
        SessionSummary session = access.summary(started.sessionId());
        record(session, stepsOf(session).getFirst().id(), started.actorId(), started.actorName());
    }

    private void record(SessionSummary session, String step, String actorId, String actorName) {
        StepEventEntity event = new StepEventEntity();
        event.sessionId = session.id();
        event.at = clock.instant();
        event.step = step;
        event.actorId = actorId;
        event.actorName = actorName;
        event.persist();
        changed.fire(new StepChanged(session.id(), session.boardId(), step, event.at, actorName));
    }

    private Flow flowOf(SessionSummary session) {
        List<StepEventEntity> events = StepEventEntity.list("sessionId = ?1 order by at, id", session.id());
        List<Flow.Move> moves = events.stream().map(e -> new Flow.Move(e.step, e.at, e.actorName)).toList();
        Flow.Move last = moves.isEmpty() ? null : moves.getLast();
        return new Flow(session.id(), frameworkOf(session).wire(), stepsOf(session), last == null ? null : last.step(),
                last == null ? null : last.at(), moves, clock.instant(), session.endedAt());
    }

    private List<Flow.Step> stepsOf(SessionSummary session) {
        Map<String, Integer> budgets = template(session).map(TemplateSummary::stepBudgets).orElse(Map.of());
        return frameworkOf(session).steps().stream()
                .map(s -> new Flow.Step(s.id(), s.number(), s.title(), budgets.getOrDefault(s.id(), s.minutes())))
                .toList();
    }

    private Framework frameworkOf(SessionSummary session) {
        String wire = template(session).map(TemplateSummary::framework).orElse(Framework.ML_SYSTEM_DESIGN.wire());
        for (Framework framework : Framework.values()) {
            if (framework.wire().equals(wire)) {
                return framework;
            }
        }
        return Framework.ML_SYSTEM_DESIGN;
    }

    private java.util.Optional<TemplateSummary> template(SessionSummary session) {
        return session.templateId() == null ? java.util.Optional.empty() : templates.find(session.templateId());
    }
}
