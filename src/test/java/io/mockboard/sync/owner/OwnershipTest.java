package io.mockboard.sync.owner;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.sync.owner.Ownership.Keep;
import io.mockboard.sync.owner.Ownership.Lease;
import io.mockboard.sync.owner.Ownership.Owner;
import io.mockboard.sync.owner.Ownership.Refuse;
import io.mockboard.sync.owner.Ownership.Take;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ownership rules [N1]–[N4] over a controlled clock: who may open a board, and with which epoch. */
class OwnershipTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(3);

    private final NodeIdentity a = NodeIdentity.start("node-a", "http://127.0.0.1:9001");
    private final NodeIdentity b = NodeIdentity.start("node-b", "http://127.0.0.1:9002");

    private static Owner ownedBy(NodeIdentity node, long epoch) {
        return new Owner(node.nodeId(), node.instance(), epoch);
    }

    private static Lease leaseOf(NodeIdentity node, Instant until) {
        return new Lease(node.instance(), until, node.address());
    }

    @Test
    @DisplayName("[N1] a board nobody ever owned is taken with epoch 1")
    void aNewBoardIsTakenWithTheFirstEpoch() {
        assertThat(Ownership.decide(Owner.none(), null, a, NOW)).isEqualTo(new Take(1));
    }

    @Test
    @DisplayName("[N1] a released board is taken with the epoch after the last one")
    void aReleasedBoardIsTakenWithTheNextEpoch() {
        assertThat(Ownership.decide(new Owner(null, null, 7), null, b, NOW)).isEqualTo(new Take(8));
    }

    @Test
    @DisplayName("[N2] the owner keeps its board at the same epoch, whatever its lease says")
    void theOwnerKeepsItsEpoch() {
        assertThat(Ownership.decide(ownedBy(a, 4), leaseOf(a, NOW.plus(LEASE)), a, NOW)).isEqualTo(new Keep(4));
        assertThat(Ownership.decide(ownedBy(a, 4), leaseOf(a, NOW.minusSeconds(10)), a, NOW)).isEqualTo(new Keep(4));
    }

    @Test
    @DisplayName("[N3] a restarted node takes its boards back at once, fencing its old instance")
    void aRestartedNodeTakesItsBoardsBackAtOnce() {
        NodeIdentity restarted = NodeIdentity.start("node-a", a.address());
        assertThat(Ownership.decide(ownedBy(a, 4), leaseOf(a, NOW.plus(LEASE)), restarted, NOW)).isEqualTo(new Take(5));
    }

    @Test
    @DisplayName("[N4] another live node's board is refused, and the refusal names the owner")
    void aLiveOwnersBoardIsRefused() {
        assertThat(Ownership.decide(ownedBy(a, 2), leaseOf(a, NOW.plusMillis(1)), b, NOW))
                .isEqualTo(new Refuse("node-a", "http://127.0.0.1:9001"));
    }

    @Test
    @DisplayName("[N4] once the owner's lease ran out, another node takes the board with the next epoch")
    void anExpiredOwnersBoardIsTaken() {
        Lease lease = leaseOf(a, NOW.plus(LEASE));
        assertThat(Ownership.decide(ownedBy(a, 2), lease, b, NOW.plus(LEASE).minusMillis(1))).isInstanceOf(Refuse.class);
        assertThat(Ownership.decide(ownedBy(a, 2), lease, b, NOW.plus(LEASE))).isEqualTo(new Take(3));
    }

    @Test
    @DisplayName("[N4] a board of an owner that has no lease, or restarted as another instance, is taken")
    void anOwnerThatIsGoneOrRestartedLosesItsBoards() {
        assertThat(Ownership.decide(ownedBy(a, 2), null, b, NOW)).isEqualTo(new Take(3));
        NodeIdentity restarted = NodeIdentity.start("node-a", a.address());
        assertThat(Ownership.decide(ownedBy(a, 2), leaseOf(restarted, NOW.plus(LEASE)), b, NOW)).isEqualTo(new Take(3));
    }
}
