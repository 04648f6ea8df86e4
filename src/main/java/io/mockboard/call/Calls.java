package io.mockboard.call;

import io.mockboard.auth.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The call's settings, per person. */
@ApplicationScoped
public class Calls {
    private final CallConfig config;
    private final Clock clock;

    Calls(CallConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public CallSettings settingsFor(CurrentUser user) {
        return CallSettings.of(config, user.id(), clock.instant());
    }
}
