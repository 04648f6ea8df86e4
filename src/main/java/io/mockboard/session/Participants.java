package io.mockboard.session;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Guest;
import io.mockboard.core.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People joining sessions through invite links. A guest gets a random 256-bit token (kept by their
 * browser in an HttpOnly cookie, stored here only as a hash) that identifies them in that one session;
 * a signed-in account is recorded by its user id instead.
 */
@ApplicationScoped
public class Participants {
    static final int MAX_NAME_LENGTH = 60;

    private final InviteService invites;
    private final Clock clock;

    Participants(InviteService invites, Clock clock) {
        this.invites = invites;
        this.clock = clock;
    }

    /** Who joined and, for a guest, the token to keep in the browser (null for accounts). */
    public record Joined(UUID participantId, SessionSummary session, InviteRole role, String guestToken) {}

    /**
     * Redeems the link (using it up when it is single-use) and records the participant. A signed-in account
     * joins under its own identity (again: same participant); without one, a new guest is created.
     */
    @Transactional
    public Joined join(String token, String displayName, CurrentUser account) {
        String name = validName(displayName, account);
        InviteService.Grant grant = invites.redeem(token);
        SessionEntity session = SessionEntity.findById(grant.sessionId());
        boolean signedIn = account != null && !account.isGuest();
        if (grant.role() == InviteRole.CO_INTERVIEWER && (!signedIn || !account.isStaff())) {
            throw DomainException.forbidden("A co-interviewer link needs an interviewer account: sign in first.");
        }
        if (signedIn && account.id().equals(session.createdBy)) {
            return new Joined(null, session.toSummary(), grant.role(), null);
        }
        ParticipantEntity p = signedIn
                ? ParticipantEntity.<ParticipantEntity>find("sessionId = ?1 and userId = ?2", session.id, account.id()).firstResult()
                : null;
        String guestToken = null;
        if (p == null) {
            p = new ParticipantEntity();
            p.id = UUID.randomUUID();
            p.sessionId = session.id;
            p.joinedAt = clock.instant();
            if (signedIn) {
                p.userId = account.id();
            } else {
                guestToken = Secrets.random();
                p.guestTokenHash = Secrets.hash(guestToken);
            }
        }
        p.role = grant.role().wire();
        p.displayName = name;
        p.inviteId = grant.inviteId();
        p.persist();
        return new Joined(p.id, session.toSummary(), grant.role(), guestToken);
    }

    /** The guest a browser token belongs to, while the invite that let them in is not revoked. */
    @Transactional
    public Optional<Guest> guest(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        ParticipantEntity p = ParticipantEntity.<ParticipantEntity>find("guestTokenHash", (Object) Secrets.hash(token)).firstResult();
        if (p == null || isRevoked(p.inviteId)) {
            return Optional.empty();
        }
        return Optional.of(new Guest(p.id, p.sessionId, p.displayName));
    }

    /** Everyone who joined the session, in the order they came. */
    @Transactional
    public List<ParticipantSummary> of(UUID sessionId) {
        return ParticipantEntity.<ParticipantEntity>list("sessionId = ?1 order by joinedAt", sessionId).stream()
                .map(ParticipantEntity::toSummary).toList();
    }

    /** The sessions an account joined as their candidate, newest first. */
    @Transactional
    public List<UUID> sessionsAsCandidate(String userId) {
        return ParticipantEntity.<ParticipantEntity>list("userId = ?1 and role = ?2 order by joinedAt desc", userId,
                InviteRole.CANDIDATE.wire()).stream().map(p -> p.sessionId).distinct().toList();
    }

    static UUID idOf(CurrentUser guest) {
        return UUID.fromString(guest.id().substring("guest:".length()));
    }

    private static boolean isRevoked(UUID inviteId) {
        if (inviteId == null) {
            return false;
        }
        InviteEntity invite = InviteEntity.findById(inviteId);
        return invite == null || invite.revokedAt != null;
    }

    private static String validName(String displayName, CurrentUser account) {
        String name = displayName == null || displayName.isBlank()
                ? (account != null && !account.isGuest() ? account.name() : "")
                : displayName.strip();
        if (name.isEmpty()) {
            throw DomainException.invalid("Enter your name, so the others know who you are.");
        }
        if (name.length() > MAX_NAME_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("A name is up to " + MAX_NAME_LENGTH + " characters, without line breaks.");
        }
        return name;
    }
}
