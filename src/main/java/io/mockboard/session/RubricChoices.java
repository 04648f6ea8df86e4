package io.mockboard.session;

import io.mockboard.auth.CurrentUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rubrics a session can be scored with, as the lobby offers them. The rubric domain builds on sessions, so it
 * answers this for them (it implements this port); the session domain never reaches into rubrics.
 */
public interface RubricChoices {

    /** A rubric as the lobby names it. */
    record Choice(UUID id, String title, int version) {}

    /** The rubric the session is scored with now. */
    Choice current(SessionSummary session);

    /** The rubrics this person may choose from. */
    List<Choice> offered(CurrentUser user);

    /** The rubric with this id or slug, if there is one. */
    Optional<Choice> find(String idOrSlug);
}
