package io.mockboard.template;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labels this installation has learned: a label the component vocabulary did not know ("Vector DB v2"), mapped to a
 * kind by an interviewer on a review page, counts as that kind in every later coverage reading. The shipped
 * vocabulary ({@link ComponentKind#match(String)}) always wins; a learned label can be mapped again or forgotten.
 */
@ApplicationScoped
public class ComponentSynonyms {
    static final int MAX_LABEL = 200;

    private final Clock clock;

    ComponentSynonyms(Clock clock) {
        this.clock = clock;
    }

    /** A learned label: as first written, the kind it counts as, who mapped it and when. */
    public record Synonym(String key, String label, String kind, String kindLabel, String createdBy, Instant createdAt) {}

    /** Every learned label, by {@link ComponentKind#key(String)}. */
    @Transactional
    public Map<String, ComponentKind> learned() {
        Map<String, ComponentKind> learned = new HashMap<>();
        ComponentSynonymEntity.<ComponentSynonymEntity>listAll()
                .forEach(s -> ComponentKind.fromWire(s.kind).ifPresent(kind -> learned.put(s.key, kind)));
        return learned;
    }

    @Transactional
    public List<Synonym> list() {
        return ComponentSynonymEntity.<ComponentSynonymEntity>list("order by label").stream().map(ComponentSynonyms::synonym).toList();
    }

    /**
     * Maps a label to a kind (again, when it was mapped before).
     *
     * @throws DomainException (invalid) for an empty or too long label, or an unknown kind; (conflict) for a label the
     *                         shipped vocabulary already reads
     */
    @Transactional
    public Synonym map(String label, String kind, CurrentUser user) {
        String written = label == null ? "" : label.strip().replaceAll("\\s+", " ");
        String key = ComponentKind.key(written);
        if (key.isEmpty() || written.length() > MAX_LABEL) {
            throw DomainException.invalid("A label is 1 to " + MAX_LABEL + " characters with at least one letter or digit");
        }
        ComponentKind target = ComponentKind.fromWire(kind).orElseThrow(() -> DomainException.invalid(
                "\"" + kind + "\" is not a component kind; the kinds are "
                        + Arrays.stream(ComponentKind.values()).map(ComponentKind::wire).toList()));
        Optional<ComponentKind> shipped = ComponentKind.match(written);
        if (shipped.isPresent()) {
            throw DomainException.conflict("\"" + written + "\" already counts as " + shipped.get().label());
        }
        // one statement, so two people mapping the same new label at once both succeed (the later kind stays)
        ComponentSynonymEntity.getEntityManager().createNativeQuery("""
                insert into component_synonym (key, label, kind, created_by, created_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (key) do update set kind = excluded.kind, created_by = excluded.created_by,
                created_at = excluded.created_at""")
                .setParameter(1, key).setParameter(2, written).setParameter(3, target.wire()).setParameter(4, user.name())
                .setParameter(5, clock.instant()).executeUpdate();
        ComponentSynonymEntity row = ComponentSynonymEntity.findById(key);
        ComponentSynonymEntity.getEntityManager().refresh(row);
        return synonym(row);
    }

    /** Forgets a learned label (its key or the label itself); forgetting one not learned is not an error. */
    @Transactional
    public void forget(String label) {
        ComponentSynonymEntity.deleteById(ComponentKind.key(label == null ? "" : label));
    }

    private static Synonym synonym(ComponentSynonymEntity row) {
        String kindLabel = ComponentKind.fromWire(row.kind).map(ComponentKind::label).orElse(row.kind);
        return new Synonym(row.key, row.label, row.kind, kindLabel, row.createdBy, row.createdAt);
    }
}
