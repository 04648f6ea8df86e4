package io.mockboard.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person, as the rest of the application sees them: id, display name and Mockboard's realm roles. */
public record CurrentUser(String id, String name, Set<String> roles) {

    public static CurrentUser of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String id = identity.getPrincipal().getName();
        String name = id;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            id = jwt.getSubject() != null ? jwt.getSubject() : id;
            name = firstNonBlank(jwt.getClaim("name"), jwt.getClaim("preferred_username"), jwt.getName());
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Roles.ALL);
        return new CurrentUser(id, name, roles);
    }

    public boolean isStaff() {
        return roles.contains(Roles.INTERVIEWER) || roles.contains(Roles.ADMIN);
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
