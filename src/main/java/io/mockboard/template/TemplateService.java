package io.mockboard.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The template gallery: the shipped catalog (loaded on start, see {@link CatalogLoader}) and boards that
 * interviewers saved as templates. Shipped templates are read-only; a saved one is edited and deleted by
 * its owner (or an admin).
 */
@ApplicationScoped
public class TemplateService {
    static final TypeReference<List<ObjectNode>> ELEMENTS = new TypeReference<>() {};
    static final TypeReference<LinkedHashMap<String, Integer>> BUDGETS = new TypeReference<>() {};

    private final SceneCheck check;
    private final ObjectMapper json;
    private final Clock clock;

    TemplateService(SceneCheck check, ObjectMapper json, Clock clock) {
        this.check = check;
        this.json = json;
        this.clock = clock;
    }

    /** Gallery filters; null or blank means any. */
    public record Filter(String framework, String caseStudy, String variant) {
        boolean admits(TemplateSummary t) {
            return matches(framework, t.framework()) && matches(caseStudy, t.caseStudy()) && matches(variant, t.variant());
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }
    }

    /** What an interviewer may change about a template they saved. */
    public record Metadata(String title, String description, String framework, String interviewerPrompt, String candidatePrompt) {}

    @Transactional
    public List<TemplateSummary> list(Filter filter) {
        List<TemplateEntity> all = TemplateEntity.listAll();
        List<TemplateSummary> shown = new ArrayList<>();
        for (TemplateEntity t : orderedCatalogFirst(all)) {
            TemplateSummary summary = summary(t);
            if (filter.admits(summary)) {
                shown.add(summary);
            }
        }
        return shown;
    }

    @Transactional
    public Optional<TemplateSummary> find(UUID id) {
        return TemplateEntity.<TemplateEntity>findByIdOptional(id).map(this::summary);
    }

    @Transactional
    public Optional<TemplateSummary> findBySlug(String slug) {
        return TemplateEntity.<TemplateEntity>find("slug", slug).firstResultOptional().map(this::summary);
    }

    /**
     * The reference architecture a board started from this template is compared with: its case study's reference
     * template, or the template itself when it is a reference or a building block; none for scaffolds and boards saved
     * by people.
     */
    @Transactional
    public Optional<TemplateSummary> referenceOf(UUID templateId) {
        return find(templateId).flatMap(t -> {
            if (t.caseStudy() != null && !t.caseStudy().isBlank()) {
                return findBySlug(t.caseStudy() + "-reference");
            }
            return t.builtIn() && t.componentCount() > 0 ? Optional.of(t) : Optional.empty();
        });
    }

    /** The template's scene elements, as seeded into a new board. */
    @Transactional
    public List<ObjectNode> elements(UUID id) {
        return read(require(id).elements, ELEMENTS);
    }

    /**
     * The elements a new board starts with: the template's scene with its scaffold protected (sync rule [S12]): the
     * step frames and the free text (headings, prompts; not the labels inside shapes or on arrows). Candidates
     * cannot move, edit or delete them; interviewers can, and can unprotect them.
     */
    @Transactional
    public List<ObjectNode> boardElements(UUID id) {
        List<ObjectNode> elements = elements(id);
        for (ObjectNode element : elements) {
            String type = element.path("type").asText();
            boolean stepFrame = type.equals("frame") && element.path("customData").has("step");
            boolean freeText = type.equals("text") && !element.hasNonNull("containerId");
            if (stepFrame || freeText) {
                JsonNode data = element.path("customData");
                ObjectNode customData = data.isObject() ? (ObjectNode) data : element.putObject("customData");
                customData.put("protected", true);
            }
        }
        return elements;
    }

    /** Saves a scene (a board's current elements) as a new template owned by this interviewer. */
    @Transactional
    public TemplateSummary save(List<ObjectNode> scene, Metadata metadata, CurrentUser owner) {
        List<ObjectNode> elements = check.validElements(scene);
        TemplateEntity t = new TemplateEntity();
        t.id = UUID.randomUUID();
        t.variant = "saved";
        t.createdBy = owner.id();
        t.createdAt = clock.instant();
        t.stepBudgets = write(frameworkOf(metadata.framework()).budgets());
        apply(t, metadata);
        setElements(t, elements);
        t.persist();
        return summary(t);
    }

    @Transactional
    public TemplateSummary update(UUID id, Metadata metadata, CurrentUser user) {
        TemplateEntity t = owned(id, user);
        String before = t.framework;
        apply(t, metadata);
        if (!t.framework.equals(before)) {
            t.stepBudgets = write(frameworkOf(t.framework).budgets());
        }
        t.updatedAt = clock.instant();
        return summary(t);
    }

    @Transactional
    public void delete(UUID id, CurrentUser user) {
        owned(id, user).delete();
    }

    /** The hash of the catalog file each shipped template was loaded from, by slug (one query, on start). */
    @Transactional
    public Map<String, String> loadedHashes() {
        Map<String, String> hashes = new HashMap<>();
        TemplateEntity.getEntityManager()
                .createQuery("select t.slug, t.contentHash from TemplateEntity t where t.contentHash is not null", Object[].class)
                .getResultList()
                .forEach(row -> hashes.put((String) row[0], (String) row[1]));
        return hashes;
    }

    /** Inserts or refreshes a shipped template by its slug (the catalog on start). */
    @Transactional
    public void upsertBuiltIn(TemplateSummary meta, List<ObjectNode> scene, String contentHash) {
        List<ObjectNode> elements = check.validElements(scene);
        TemplateEntity t = TemplateEntity.<TemplateEntity>find("slug", meta.slug()).firstResult();
        if (t == null) {
            t = new TemplateEntity();
            t.id = UUID.randomUUID();
            t.slug = meta.slug();
            t.createdAt = clock.instant();
        }
        t.title = meta.title();
        t.framework = meta.framework();
        t.caseStudy = meta.caseStudy();
        t.variant = meta.variant();
        t.description = meta.description();
        t.interviewerPrompt = meta.interviewerPrompt();
        t.candidatePrompt = meta.candidatePrompt();
        t.stepBudgets = write(meta.stepBudgets());
        t.contentHash = contentHash;
        setElements(t, elements);
        t.persist();
    }

    private TemplateEntity require(UUID id) {
        return TemplateEntity.<TemplateEntity>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Template " + id));
    }

    private TemplateEntity owned(UUID id, CurrentUser user) {
        TemplateEntity t = require(id);
        if (t.createdBy == null) {
            throw DomainException.forbidden("Shipped templates cannot be changed; save a board as a new template instead");
        }
        if (!t.createdBy.equals(user.id()) && !user.isAdmin()) {
            throw DomainException.forbidden("Only the interviewer who saved this template can change it");
        }
        return t;
    }

    private void apply(TemplateEntity t, Metadata m) {
        String title = m.title() == null ? "" : m.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw DomainException.invalid("A title has 1 to 200 characters");
        }
        t.title = title;
        t.framework = frameworkOf(m.framework()).wire();
        t.description = limited(m.description(), 2000, "description");
        t.interviewerPrompt = limited(m.interviewerPrompt(), 8000, "interviewer prompt");
        t.candidatePrompt = limited(m.candidatePrompt(), 8000, "candidate prompt");
        t.updatedAt = clock.instant();
    }

    private void setElements(TemplateEntity t, List<ObjectNode> elements) {
        t.elements = write(elements);
        t.elementCount = elements.size();
        t.componentCount = (int) SceneCheck.componentCount(elements);
        t.updatedAt = clock.instant();
    }

    private static io.mockboard.template.catalog.Framework frameworkOf(String wire) {
        for (var framework : io.mockboard.template.catalog.Framework.values()) {
            if (framework.wire().equals(wire == null || wire.isBlank() ? "ml-system-design" : wire)) {
                return framework;
            }
        }
        throw DomainException.invalid("Unknown framework '" + wire + "'; use ml-system-design or system-design");
    }

    private static String limited(String text, int max, String what) {
        String value = text == null ? "" : text.strip();
        if (value.length() > max) {
            throw DomainException.invalid("The " + what + " has at most " + max + " characters");
        }
        return value;
    }

    private static List<TemplateEntity> orderedCatalogFirst(List<TemplateEntity> all) {
        Map<String, Integer> order = CatalogLoader.order();
        List<TemplateEntity> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparingInt((TemplateEntity t) -> t.slug == null ? Integer.MAX_VALUE : order.getOrDefault(t.slug, order.size()))
                .thenComparing(t -> t.createdAt));
        return sorted;
    }

    private TemplateSummary summary(TemplateEntity t) {
        return new TemplateSummary(t.id, t.slug, t.title, t.framework, t.caseStudy, t.variant, t.description,
                t.interviewerPrompt, t.candidatePrompt, read(t.stepBudgets, BUDGETS), t.elementCount, t.componentCount, t.createdBy);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template JSON does not parse", e);
        }
    }
}
