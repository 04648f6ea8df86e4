package io.mockboard.sync.ws;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Fair-use caps small enough to reach in a test: a few sockets per person and board, a small outbound queue. */
public class FairUseProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mockboard.sync.max-sockets-per-user-board", "2",
                "mockboard.sync.max-sockets-per-user", "3",
                "mockboard.sync.max-sockets-per-board", "4",
                "mockboard.sync.drop-presence-above-bytes", "65536",
                "mockboard.sync.close-above-bytes", "262144");
    }
}
