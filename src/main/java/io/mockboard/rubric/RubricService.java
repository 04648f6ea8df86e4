package io.mockboard.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rubrics: the shipped ones (loaded on start from {@code rubrics/*.json}; a changed file becomes a new version)
 * and interviewers' own (made from scratch or as a copy). Saving a rubric adds a version; scorecards keep the
 * version they were scored against, so editing never changes a submitted score.
 */
@ApplicationScoped
public class RubricService {
    static final List<String> SHIPPED = List.of("ml-system-design", "system-design");
    /** The four-point scale every rubric uses (no neutral middle). */
    public static final List<RubricContent.ScaleLevel> SCALE = List.of(new RubricContent.ScaleLevel(1, "Very weak"),
            new RubricContent.ScaleLevel(2, "Weak"), new RubricContent.ScaleLevel(3, "Strong"), new RubricContent.ScaleLevel(4, "Very strong"));

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock;

    RubricService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    void loadShipped(@Observes StartupEvent start) {
        for (String slug : SHIPPED) {
            RubricContent content = read("rubrics/" + slug + ".json").validated();
            RubricEntity rubric = RubricEntity.<RubricEntity>find("slug", slug).firstResult();
            if (rubric == null) {
                rubric = newRubric(content, null);
                rubric.slug = slug;
                rubric.persist();
                addVersion(rubric, content);
            } else if (!content.equals(current(rubric).content())) {
                addVersion(rubric, content);
            }
        }
    }

    /**
     * The rubrics a person chooses from: the shipped ones and their own (an admin sees everyone's). Another
     * interviewer's rubric stays readable by its id, as a session that uses it needs.
     */
    @Transactional
    public List<Rubric> list(CurrentUser user) {
        return RubricEntity.<RubricEntity>listAll().stream()
                .filter(r -> r.createdBy == null || r.createdBy.equals(user.id()) || user.isAdmin())
                .sorted(Comparator.comparing((RubricEntity r) -> r.slug == null).thenComparing(r -> r.createdAt))
                .map(this::current).toList();
    }

    @Transactional
    public Rubric get(UUID id) {
        return current(require(id));
    }

    /** One stored version, as a scorecard was scored against it. */
    @Transactional
    public Rubric version(UUID versionId) {
        RubricVersionEntity v = RubricVersionEntity.findById(versionId);
        if (v == null) {
            throw DomainException.notFound("Rubric version " + versionId);
        }
        return toRubric(RubricEntity.findById(v.rubricId), v);
    }

    /** The shipped rubric for a framework. */
    @Transactional
    public Rubric forFramework(String framework) {
        String slug = "system-design".equals(framework) ? "system-design" : "ml-system-design";
        return current(RubricEntity.<RubricEntity>find("slug", slug).firstResult());
    }

    @Transactional
    public Optional<Rubric> find(String idOrSlug) {
        RubricEntity found;
        try {
            found = RubricEntity.findById(UUID.fromString(idOrSlug));
        } catch (IllegalArgumentException notAnId) {
            found = RubricEntity.<RubricEntity>find("slug", idOrSlug).firstResult();
        }
        return Optional.ofNullable(found).map(this::current);
    }

    /** A new rubric owned by this interviewer. */
    @Transactional
    public Rubric create(RubricContent content, CurrentUser owner) {
        RubricContent valid = content.validated();
        RubricEntity rubric = newRubric(valid, owner.id());
        rubric.persist();
        addVersion(rubric, valid);
        return current(rubric);
    }

    /** A copy of any rubric (shipped ones included), owned by this interviewer, to edit. */
    @Transactional
    public Rubric copy(UUID id, String title, CurrentUser owner) {
        RubricContent source = get(id).content();
        String name = title == null || title.isBlank() ? "Copy of " + source.title() : title.strip();
        return create(source.withTitle(name.length() > 120 ? name.substring(0, 120) : name), owner);
    }

    /** Saves the rubric as a new version (its owner, or an admin); shipped rubrics are copied instead. */
    @Transactional
    public Rubric update(UUID id, RubricContent content, CurrentUser user) {
        RubricEntity rubric = require(id);
        if (rubric.createdBy == null) {
            throw DomainException.forbidden("Shipped rubrics cannot be changed; copy one and edit the copy");
        }
        if (!rubric.createdBy.equals(user.id()) && !user.isAdmin()) {
            throw DomainException.forbidden("Only the interviewer who made this rubric can change it");
        }
        RubricContent valid = content.validated();
        rubric.title = valid.title();
        rubric.framework = frameworkOf(valid.framework());
        rubric.description = valid.description() == null ? "" : valid.description();
        addVersion(rubric, valid);
        return current(rubric);
    }

    private RubricEntity newRubric(RubricContent content, String owner) {
        RubricEntity rubric = new RubricEntity();
        rubric.id = UUID.randomUUID();
        rubric.title = content.title();
        rubric.framework = frameworkOf(content.framework());
        rubric.description = content.description() == null ? "" : content.description();
        rubric.createdBy = owner;
        rubric.createdAt = clock.instant();
        rubric.currentVersion = 0;
        return rubric;
    }

    private void addVersion(RubricEntity rubric, RubricContent content) {
        RubricVersionEntity v = new RubricVersionEntity();
        v.id = UUID.randomUUID();
        v.rubricId = rubric.id;
        v.version = rubric.currentVersion + 1;
        v.content = write(content);
        v.createdAt = clock.instant();
        v.persist();
        rubric.currentVersion = v.version;
    }

    private RubricEntity require(UUID id) {
        RubricEntity rubric = RubricEntity.findById(id);
        if (rubric == null) {
            throw DomainException.notFound("Rubric " + id);
        }
        return rubric;
    }

    private Rubric current(RubricEntity rubric) {
        RubricVersionEntity v = RubricVersionEntity.<RubricVersionEntity>find("rubricId = ?1 and version = ?2", rubric.id,
                rubric.currentVersion).firstResult();
        return toRubric(rubric, v);
    }

    private Rubric toRubric(RubricEntity rubric, RubricVersionEntity v) {
        try {
            RubricContent content = json.readValue(v.content, RubricContent.class);
            return new Rubric(rubric.id, v.id, v.version, rubric.slug, rubric.createdBy,
                    new RubricContent(rubric.slug, content.title(), content.framework(), content.description(), content.scale(),
                            content.criteria()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rubric does not parse", e);
        }
    }

    private static String frameworkOf(String framework) {
        return "system-design".equals(framework) ? "system-design" : "ml-system-design";
    }

    private String write(RubricContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RubricContent read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return json.readValue(in, RubricContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
