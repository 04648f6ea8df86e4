package io.mockboard.core;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Cross-site request guard (WebSocket hijacking, form posts): a browser request is allowed from the
 * server's own origin and from the configured origins. Requests without an Origin header (non-browser clients) pass;
 * browsers always send one.
 */
public final class OriginPolicy {
    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
    }

    public boolean permits(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
