package io.mockboard.rubric;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.mockboard.template.catalog.CaseStudy;
import io.mockboard.template.catalog.FrameworkStep;
import io.mockboard.template.catalog.Framework;
import io.mockboard.template.catalog.Probe;
import io.mockboard.template.catalog.ProbeBank;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The probe bank in a session: the follow-up questions of the session's case study, step by step, and which of them
 * an interviewer has asked. Asking one is a private note ("Asked: …", its step as the criterion, the probe's id), so
 * it is timestamped, reaches the other interviewers at once, and is a marker in the replay and a line of the review.
 */
@ApplicationScoped
public class ProbeService {
    static final String ASKED = "Asked: ";
    private static final List<FrameworkStep> STEPS = Framework.ML_SYSTEM_DESIGN.steps();

    private final ProbeBank bank = ProbeBank.load();
    private final SessionAccess access;
    private final TemplateService templates;
    private final NoteService notes;

    ProbeService(SessionAccess access, TemplateService templates, NoteService notes) {
        this.access = access;
        this.templates = templates;
        this.notes = notes;
    }

    /** The session's probes; {@code caseStudy} is null (and there are no steps) when its template is no case study. */
    public record SessionProbes(String caseStudy, String caseStudyTitle, List<StepProbes> steps) {}

    public record StepProbes(String step, String title, List<AskableProbe> probes) {}

    /** A probe and, once asked, when and the note that records it. */
    public record AskableProbe(String id, String probe, String strongAnswer, Instant askedAt, UUID noteId) {}

    /**
     * The probes of the session's case study, every step or only {@code step} (null for all).
     *
     * @throws DomainException (invalid) when {@code step} is not a step of the ML system design framework
     */
    @Transactional
    public SessionProbes probes(UUID sessionId, String step, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_PRIVATE);
        List<FrameworkStep> steps = STEPS.stream().filter(s -> step == null || s.id().equals(step)).toList();
        if (steps.isEmpty()) {
            throw DomainException.invalid("\"" + step + "\" is not a step of the ML system design framework; its steps are "
                    + STEPS.stream().map(FrameworkStep::id).toList());
        }
        Optional<CaseStudy> study = caseStudy(session);
        if (study.isEmpty()) {
            return new SessionProbes(null, null, List.of());
        }
        Map<String, Note> asked = new HashMap<>();
        notes.list(sessionId, user).stream().filter(n -> n.probeId() != null).forEach(n -> asked.put(n.probeId(), n));
        List<StepProbes> listed = steps.stream().map(s -> new StepProbes(s.id(), s.title(), bank.probes(study.get(), s.id()).stream()
                .map(p -> askable(p, asked.get(p.id()))).toList())).toList();
        return new SessionProbes(study.get().slug(), study.get().title(), listed);
    }

    /**
     * Records that an interviewer asked a probe of the session's case study. Asking one already asked returns the note
     * that recorded it first, so a double click stores one event.
     */
    @Transactional
    public Note ask(UUID sessionId, String probeId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_PRIVATE);
        CaseStudy study = caseStudy(session).orElseThrow(() -> DomainException.conflict(
                "This session's template is not one of the case studies, so it has no probes to ask"));
        String step = STEPS.stream().map(FrameworkStep::id)
                .filter(s -> bank.probes(study, s).stream().anyMatch(p -> p.id().equals(probeId))).findFirst()
                .orElseThrow(() -> DomainException.notFound("Probe \"" + probeId + "\" of " + study.title()));
        Optional<Note> earlier = notes.asked(sessionId, probeId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Probe probe = bank.byId(probeId).orElseThrow();
        return notes.persist(session, user, ASKED + probe.probe(), List.of(), step, probeId);
    }

    private Optional<CaseStudy> caseStudy(SessionSummary session) {
        return Optional.ofNullable(session.templateId()).flatMap(templates::find).map(TemplateSummary::caseStudy)
                .flatMap(CaseStudy::bySlug);
    }

    private static AskableProbe askable(Probe probe, Note asked) {
        return new AskableProbe(probe.id(), probe.probe(), probe.strongAnswer(), asked == null ? null : asked.at(),
                asked == null ? null : asked.id());
    }
}
