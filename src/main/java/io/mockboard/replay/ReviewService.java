package io.mockboard.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.rubric.Recommendation;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.ParticipantSummary;
import io.mockboard.session.Participants;
import io.mockboard.session.RecordedVoices;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import io.mockboard.session.flow.Flow;
import io.mockboard.session.flow.FlowService;
import io.mockboard.sync.BoardLog;
import io.mockboard.template.ComponentSynonyms;
import io.mockboard.template.TemplateService;
import io.mockboard.template.TemplateSummary;
import io.mockboard.template.render.SceneSvg;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Computes the review's insights from the recording: time per step, authorship, reference coverage, calibration. */
@ApplicationScoped
public class ReviewService {
    private final SessionAccess access;
    private final FlowService flows;
    private final BoardLog log;
    private final Participants participants;
    private final ScorecardService scorecards;
    private final ReplayService replay;
    private final TemplateService templates;
    private final RecordedVoices voices;
    private final ComponentSynonyms synonyms;
    private final Clock clock;

    ReviewService(SessionAccess access, FlowService flows, BoardLog log, Participants participants, ScorecardService scorecards,
            ReplayService replay, TemplateService templates, RecordedVoices voices, ComponentSynonyms synonyms, Clock clock) {
        this.voices = voices;
        this.synonyms = synonyms;
        this.access = access;
        this.replay = replay;
        this.templates = templates;
        this.flows = flows;
        this.log = log;
        this.participants = participants;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    public Review review(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        Flow flow = flows.flow(sessionId, user);
        Instant end = session.endedAt() != null ? session.endedAt() : clock.instant();
        List<Scorecard> cards = scorecards.visible(sessionId, user);
        Optional<TemplateSummary> reference = reference(session);
        Coverage.Result coverage = reference.map(t -> Coverage.compare(templates.elements(t.id()),
                replay.sceneAt(sessionId, null, null, user).elements(), synonyms.learned())).orElse(null);
        return new Review(stepTimes(flow, end), authorship(session), cards.stream().map(Scorecard::author).toList(), calibration(cards),
                recommendations(cards), reference.map(TemplateSummary::title).orElse(null), coverage,
                TalkTime.of(voices.tracks(sessionId), flow, session.createdAt(), end), voices.of(sessionId));
    }

    /** The reference a session's final board is compared with, and the comparison. */
    public record ReferenceCoverage(UUID referenceId, String reference, Coverage.Result coverage) {}

    /**
     * The session's board against its reference architecture. A practice session reveals it only once it has ended
     * (409 before); a session without a reference is a 404 saying so.
     */
    public ReferenceCoverage coverage(UUID sessionId, CurrentUser user) {
        TemplateSummary reference = revealedReference(sessionId, user);
        return new ReferenceCoverage(reference.id(), reference.title(), Coverage.compare(templates.elements(reference.id()),
                replay.sceneAt(sessionId, null, null, user).elements(), synonyms.learned()));
    }

    /**
     * The reference's drawing as SVG, on the same terms as {@link #coverage}: its "Reference architecture" frame when
     * it has one (not the step frames around it), else the whole template.
     */
    public String referenceSvg(UUID sessionId, CurrentUser user) {
        TemplateSummary reference = revealedReference(sessionId, user);
        return SceneSvg.render(architectureOnly(templates.elements(reference.id())), SceneSvg.Options.preview());
    }

    private TemplateSummary revealedReference(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        if (session.practice() && session.endedAt() == null) {
            throw DomainException.conflict("The reference architecture is revealed when you end the practice");
        }
        return reference(session).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "This session's template has no reference architecture to compare with"));
    }

    static List<ObjectNode> architectureOnly(List<ObjectNode> elements) {
        Optional<String> frame = elements.stream().filter(e -> "frame".equals(e.path("type").asText())
                && "reference-architecture".equals(e.path("customData").path("step").asText())).map(e -> e.path("id").asText()).findFirst();
        if (frame.isEmpty()) {
            return elements;
        }
        Set<String> kept = new HashSet<>();
        elements.stream().filter(e -> frame.get().equals(e.path("id").asText()) || frame.get().equals(e.path("frameId").asText()))
                .forEach(e -> kept.add(e.path("id").asText()));
        return elements.stream().filter(e -> kept.contains(e.path("id").asText()) || kept.contains(e.path("containerId").asText()))
                .toList();
    }

    /**
     * The reference architecture a session's board is compared with: its case study's reference template, or the
     * template itself when it is a reference or a building block; none for scaffolds and boards saved by people.
     */
    Optional<TemplateSummary> reference(SessionSummary session) {
        return session.templateId() == null ? Optional.empty() : templates.referenceOf(session.templateId());
    }

    /** Time per step of a session whose reader the caller has authorised (a shared review). */
    public List<Review.StepTime> sharedSteps(SessionSummary session) {
        return stepTimes(flows.recorded(session), session.endedAt() != null ? session.endedAt() : clock.instant());
    }

    /** Minutes per step: each move lasts until the next one (the last until the session's end). */
    static List<Review.StepTime> stepTimes(Flow flow, Instant end) {
        Map<String, Duration> spent = new HashMap<>();
        for (int i = 0; i < flow.moves().size(); i++) {
            Flow.Move move = flow.moves().get(i);
            Instant until = i + 1 < flow.moves().size() ? flow.moves().get(i + 1).at() : end;
            spent.merge(move.step(), Duration.between(move.at(), until).isNegative() ? Duration.ZERO : Duration.between(move.at(), until),
                    Duration::plus);
        }
        return flow.steps().stream().map(s -> new Review.StepTime(s.number() + " · " + s.title(),
                Math.round(spent.getOrDefault(s.id(), Duration.ZERO).toMillis() / 600.0) / 100.0, s.minutes())).toList();
    }

    /** Who last changed each element up to op {@code seq}, with the authors' display names, for highlighting in replay. */
    public Authors authors(UUID sessionId, long seq, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        Map<String, String> names = names(session);
        Map<String, String> elements = log.lastAuthors(session.boardId(), seq);
        Map<String, String> shown = new java.util.TreeMap<>();
        log.opsByAuthor(session.boardId()).keySet().forEach(author -> shown.put(author, name(author, session, names)));
        return new Authors(shown, elements);
    }

    /** Author id → display name, and element id → the author who last changed it. */
    public record Authors(Map<String, String> names, Map<String, String> elements) {}

    private Map<String, String> names(SessionSummary session) {
        Map<String, String> names = new HashMap<>();
        for (ParticipantSummary p : participants.of(session.id())) {
            // ops name guests by their participant id and accounts by their user id: both by the name they joined with
            names.put(p.guest() ? "guest:" + p.id() : p.userId(), p.name() + " (" + p.role().wire().replace('_', '-') + ")");
        }
        return names;
    }

    private List<Review.Share> authorship(SessionSummary session) {
        Map<String, String> names = names(session);
        Map<String, Long> counts = log.opsByAuthor(session.boardId());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Review.Share> shares = new ArrayList<>();
        counts.forEach((author, ops) -> shares.add(new Review.Share(name(author, session, names), ops,
                total == 0 ? 0 : (int) Math.round(ops * 100.0 / total))));
        return shares;
    }

    private static String name(String author, SessionSummary session, Map<String, String> names) {
        if (author.startsWith("template:")) {
            return "Template";
        }
        if (author.equals(session.createdBy())) {
            return "Interviewer";
        }
        return names.getOrDefault(author, author);
    }

    static Review.Recommendations recommendations(List<Scorecard> cards) {
        List<String> labels = cards.stream().map(c -> c.recommendation() == null ? null : c.recommendation().label()).toList();
        boolean hire = cards.stream().anyMatch(c -> c.recommendation() == Recommendation.HIRE || c.recommendation() == Recommendation.STRONG_HIRE);
        boolean noHire = cards.stream().anyMatch(c -> c.recommendation() == Recommendation.NO_HIRE
                || c.recommendation() == Recommendation.STRONG_NO_HIRE);
        return new Review.Recommendations(labels, hire && noHire);
    }

    private static List<Review.Calibration> calibration(List<Scorecard> cards) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int c = 0; c < cards.size(); c++) {
            Scorecard card = cards.get(c);
            for (Scorecard.Score score : card.scores()) {
                String title = card.rubric().content().criterion(score.criterion()).title();
                List<Integer> row = rows.computeIfAbsent(title, k -> new ArrayList<>(java.util.Collections.nCopies(cards.size(), null)));
                row.set(c, score.level());
            }
        }
        List<Review.Calibration> calibration = new ArrayList<>();
        rows.forEach((criterion, levels) -> calibration.add(new Review.Calibration(criterion, levels)));
        return calibration;
    }
}
