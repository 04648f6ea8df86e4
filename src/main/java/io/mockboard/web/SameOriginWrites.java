package io.mockboard.web;

import io.mockboard.core.OriginPolicy;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses state-changing requests (forms, API writes) that a browser sent from another site, on top of
 * the SameSite cookies: a request whose Origin is neither this server nor an allowed origin gets 403.
 */
@ApplicationScoped
class SameOriginWrites {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final OriginPolicy origins;

    SameOriginWrites(@ConfigProperty(name = "mockboard.sync.allowed-origins") Optional<List<String>> allowed) {
        this.origins = new OriginPolicy(allowed.orElse(List.of()));
    }

    void register(@Observes Router router) {
        router.route().order(-200).handler(rc -> {
            var request = rc.request();
            if (SAFE.contains(request.method()) || origins.permits(request.getHeader("Origin"), request.getHeader("Host"))) {
                rc.next();
            } else {
                rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("This request came from another site and was refused.");
            }
        });
    }
}
