package io.mockboard.rubric;

import io.mockboard.auth.CurrentUser;
import io.mockboard.session.RubricChoices;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The lobby's rubric choices, from the rubric catalogue. */
@ApplicationScoped
class SessionRubricChoices implements RubricChoices {
    private final RubricService rubrics;
    private final SessionRubrics sessionRubrics;

    SessionRubricChoices(RubricService rubrics, SessionRubrics sessionRubrics) {
        this.rubrics = rubrics;
        this.sessionRubrics = sessionRubrics;
    }

    @Override
    public Choice current(SessionSummary session) {
        return choice(sessionRubrics.rubricOf(session));
    }

    @Override
    public List<Choice> offered(CurrentUser user) {
        return rubrics.list(user).stream().map(SessionRubricChoices::choice).toList();
    }

    @Override
    public Optional<Choice> find(String idOrSlug) {
        return rubrics.find(idOrSlug).map(SessionRubricChoices::choice);
    }

    private static Choice choice(Rubric rubric) {
        return new Choice(rubric.id(), rubric.content().title(), rubric.version());
    }
}
