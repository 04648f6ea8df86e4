package io.mockboard.call;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a page needs to set up the call: the ICE servers in {@code RTCConfiguration} form, TURN ones with
 * credentials for this person (the TURN REST scheme coturn implements: the user name is the expiry time and the
 * person's id, the password an HMAC-SHA1 of it under the shared secret).
 */
public record CallSettings(List<IceServer> iceServers, boolean loopbackOnly) {

    /** One entry of {@code RTCConfiguration.iceServers}. */
    public record IceServer(List<String> urls, String username, String credential) {}

    static CallSettings of(CallConfig config, String userId, Instant now) {
        List<IceServer> servers = new ArrayList<>();
        List<String> stun = new ArrayList<>();
        List<String> turn = new ArrayList<>();
        for (String url : config.iceServers().orElse(List.of())) {
            (url.startsWith("turn:") || url.startsWith("turns:") ? turn : stun).add(url.strip());
        }
        if (!stun.isEmpty()) {
            servers.add(new IceServer(stun, null, null));
        }
        if (!turn.isEmpty()) {
            if (config.turnSecret().isPresent()) {
                String username = now.plus(config.turnCredentialLifetime()).getEpochSecond() + ":" + userId;
                servers.add(new IceServer(turn, username, credential(config.turnSecret().get(), username)));
            } else {
                servers.add(new IceServer(turn, null, null));
            }
        }
        return new CallSettings(servers, config.loopbackOnly());
    }

    /** coturn's {@code use-auth-secret} password: base64(HMAC-SHA1(secret, username)). */
    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
