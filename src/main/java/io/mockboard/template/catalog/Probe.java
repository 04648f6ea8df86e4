package io.mockboard.template.catalog;

/**
 * A follow-up question an interviewer asks during one step of a case study, with what a strong answer
 * contains, so that an interviewer who has not built that kind of system can still judge the reply.
 *
 * @param id           stable id, unique across the {@link ProbeBank} ({@code <case prefix>-<step>-<n>}), so notes
 *                     and links can cite a probe even after its wording changes
 * @param probe        the question as the interviewer says it aloud
 * @param strongAnswer what a strong answer names: the concrete techniques, trade-offs and numbers
 */
public record Probe(String id, String probe, String strongAnswer) {

    public Probe {
        requireText(id, "id", id);
        requireText(probe, "probe", id);
        requireText(strongAnswer, "strongAnswer", id);
    }

    private static void requireText(String value, String field, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a probe needs a non-blank " + field
                    + (id == null || id.isBlank() ? "" : ": " + id));
        }
    }
}
