package io.mockboard.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The React bundle's pages ({@code /b/{boardId}} boards, {@code /r/{sessionId}} replays) are
 * client-side routes: the server answers them with the bundle's index.html. Explicit prefixes,
 * so every other unknown path stays a 404.
 */
@ApplicationScoped
class SpaRoutes {
    void register(@Observes Router router) {
        router.getWithRegex("/[br]/[^/.]+/?").order(-100).handler(rc -> rc.reroute("/"));
    }
}
