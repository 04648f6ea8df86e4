package io.mockboard.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person, as the rest of the application sees them: id, display name, Mockboard's realm
 * roles, and for a guest the one session they joined ({@code guestOf}, null for accounts).
 */
public record CurrentUser(String id, String name, Set<String> roles, UUID guestOf) {

    public static CurrentUser of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getAttribute(Guest.ATTRIBUTE) instanceof Guest guest) {
            return new CurrentUser(guest.userId(), guest.name(), Set.of(), guest.sessionId());
        }
        String id = identity.getPrincipal().getName();
        String name = id;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            id = jwt.getSubject() != null ? jwt.getSubject() : id;
            name = firstNonBlank(jwt.getClaim("name"), jwt.getClaim("preferred_username"), jwt.getName());
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Roles.ALL);
        return new CurrentUser(id, name, roles, null);
    }

    public boolean isStaff() {
        return roles.contains(Roles.INTERVIEWER) || roles.contains(Roles.ADMIN);
    }

    public boolean isGuest() {
        return guestOf != null;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "unknown";
    }
}
