package io.mockboard.session;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Invite links: 256 random bits, shown once, stored only as a SHA-256 hash; expiring, revocable,
 * optionally single-use. Redeeming checks all of that and says in words why a link does not work.
 */
@ApplicationScoped
public class InviteService {
    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final SessionAccess access;
    private final Clock clock;
    private final Event<InviteRevoked> revoked;

    InviteService(SessionAccess access, Clock clock, Event<InviteRevoked> revoked) {
        this.access = access;
        this.clock = clock;
        this.revoked = revoked;
    }

    public record NewInvite(InviteRole role, Duration validFor, boolean singleUse) {}

    /** The invite and its token; the token is never stored and cannot be shown again. */
    public record CreatedInvite(InviteSummary invite, String token) {}

    /** What a valid link grants. */
    public record Grant(UUID inviteId, UUID sessionId, InviteRole role) {}

    /** What a valid link leads to, shown before joining. */
    public record Preview(SessionSummary session, InviteRole role) {}

    @Transactional
    public CreatedInvite create(UUID sessionId, NewInvite request, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.MANAGE_INVITES);
        if (session.state() == SessionState.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This session has ended; nobody can join it any more");
        }
        Duration validFor = request.validFor() == null ? Duration.ofDays(7) : request.validFor();
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_LIFETIME) > 0) {
            throw DomainException.invalid("An invite is valid for up to 30 days");
        }
        String token = Secrets.random();
        InviteEntity invite = new InviteEntity();
        invite.id = UUID.randomUUID();
        invite.sessionId = sessionId;
        invite.role = (request.role() == null ? InviteRole.CANDIDATE : request.role()).wire();
        invite.tokenHash = hash(token);
        invite.createdAt = clock.instant();
        invite.expiresAt = invite.createdAt.plus(validFor);
        invite.singleUse = request.singleUse();
        invite.createdBy = user.id();
        invite.persist();
        return new CreatedInvite(invite.toSummary(), token);
    }

    @Transactional
    public List<InviteSummary> list(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.MANAGE_INVITES);
        return InviteEntity.<InviteEntity>list("sessionId = ?1 order by createdAt", sessionId).stream()
                .map(InviteEntity::toSummary).toList();
    }

    @Transactional
    public InviteSummary revoke(UUID sessionId, UUID inviteId, CurrentUser user) {
        access.require(sessionId, user, Action.MANAGE_INVITES);
        InviteEntity invite = InviteEntity.<InviteEntity>findByIdOptional(inviteId)
                .filter(i -> i.sessionId.equals(sessionId))
                .orElseThrow(() -> DomainException.notFound("Invite " + inviteId));
        if (invite.revokedAt == null) {
            invite.revokedAt = clock.instant();
            revoked.fire(new InviteRevoked(sessionId, inviteId));
        }
        return invite.toSummary();
    }

    /** Checks a link without using it up: where it leads and as whom. */
    @Transactional
    public Preview preview(String token) {
        InviteEntity invite = valid(token);
        SessionEntity session = SessionEntity.findById(invite.sessionId);
        if (invite.singleUse && invite.usedAt != null) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This invite link was already used. Ask your interviewer for a new one.");
        }
        return new Preview(session.toSummary(), InviteRole.fromWire(invite.role));
    }

    /** Checks a link's token and uses it up when it is single-use. */
    @Transactional
    public Grant redeem(String token) {
        InviteEntity invite = valid(token);
        // first use is recorded with a conditional update, so two people racing for a single-use link cannot both win
        boolean firstUse = InviteEntity.update("usedAt = ?1 where id = ?2 and usedAt is null", clock.instant(), invite.id) == 1;
        if (invite.singleUse && !firstUse) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This invite link was already used. Ask your interviewer for a new one.");
        }
        return new Grant(invite.id, invite.sessionId, InviteRole.fromWire(invite.role));
    }

    private InviteEntity valid(String token) {
        InviteEntity invite = token == null || token.length() > 100 ? null
                : InviteEntity.<InviteEntity>find("tokenHash", (Object) hash(token)).firstResult();
        if (invite == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "This invite link is not valid. Ask your interviewer for a new one.");
        }
        if (invite.revokedAt != null) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This invite link was revoked. Ask your interviewer for a new one.");
        }
        if (!clock.instant().isBefore(invite.expiresAt)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This invite link has expired. Ask your interviewer for a new one.");
        }
        SessionEntity session = SessionEntity.findById(invite.sessionId);
        if (SessionState.ENDED.wire().equals(session.state)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This interview has ended; nobody can join it any more.");
        }
        return invite;
    }

    static byte[] hash(String token) {
        return Secrets.hash(token);
    }
}
