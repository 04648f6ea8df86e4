package io.mockboard.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The React bundle's pages ({@code /b/{boardId}} boards, {@code /r/{sessionId}} replays) are
 * client-side routes: the server answers them with the bundle's index.html. Explicit prefixes,
 * so every other unknown path stays a 404. {@code /favicon.ico} is answered with the SVG icon.
 */
@ApplicationScoped
class SpaRoutes {
    void register(@Observes Router router) {
        router.getWithRegex("/[br]/[^/.]+/?").order(-100).handler(rc -> rc.reroute("/"));
        // browsers ask for /favicon.ico whatever the page links: it is the same icon as /favicon.svg
        router.get("/favicon.ico").order(-100).handler(rc -> rc.reroute("/favicon.svg"));
    }
}
