package io.mockboard.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts a real Keycloak (the keycloak-quarkus-dist zip that Maven unpacks into target/keycloak) on
 * 127.0.0.1 with the realm file from deploy/keycloak, and points Mockboard's OIDC at it.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    static final String REALM_FILE = "deploy/keycloak/mockboard-realm.json";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    /** Init argument: the realm's access token lifespan in seconds (the shipped realm's 900 when absent). */
    public static final String ACCESS_TOKEN_LIFESPAN = "access-token-lifespan";

    private Process keycloak;
    private Integer accessTokenLifespan;

    @Override
    public void init(Map<String, String> args) {
        String lifespan = args.get(ACCESS_TOKEN_LIFESPAN);
        accessTokenLifespan = lifespan == null ? null : Integer.valueOf(lifespan);
    }

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("mockboard.keycloak.home", "target/keycloak/missing"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + ": run the tests through Maven (./mvnw verify)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String realm = Files.readString(Path.of(REALM_FILE));
            if (accessTokenLifespan != null) {
                realm = realm.replaceFirst("\"accessTokenLifespan\"\\s*:\\s*\\d+", "\"accessTokenLifespan\": " + accessTokenLifespan);
            }
            Files.writeString(imports.resolve("mockboard-realm.json"), realm);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--db=dev-mem",
                    "--http-management-port=" + freePort())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/keycloak.log").toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("KC_"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            keycloak = builder.start();
            String realmUrl = "http://127.0.0.1:" + port + "/realms/mockboard";
            awaitReady(realmUrl + "/.well-known/openid-configuration");
            return Map.of(
                    "quarkus.oidc.auth-server-url", realmUrl,
                    "quarkus.oidc.devservices.enabled", "false",
                    "quarkus.oidc.client-id", "mockboard-api",
                    "quarkus.oidc.credentials.secret", "mockboard-api-secret",
                    "mockboard.test.keycloak-url", realmUrl);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start", e);
        }
    }

    private void awaitReady(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + "; see target/keycloak.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            keycloak.onExit().completeOnTimeout(null, 500, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException("Keycloak not ready within " + STARTUP_LIMIT + "; see target/keycloak.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.onExit().completeOnTimeout(null, 20, java.util.concurrent.TimeUnit.SECONDS).join();
            keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
            keycloak.destroyForcibly();
        }
    }
}
