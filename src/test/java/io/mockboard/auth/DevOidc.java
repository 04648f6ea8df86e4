package io.mockboard.auth;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Access tokens from the OIDC dev service for any user with any realm roles: its authorization-code grant
 * takes a code that names the user and the roles, as its login page's "custom user" form does. Lets a test
 * renew one person's sign-in with other roles (a role granted or removed at the provider).
 */
public final class DevOidc {
    private DevOidc() {}

    public static String token(String user, String... roles) {
        String code = Base64.getUrlEncoder().encodeToString((user + "|" + String.join(",", roles)).getBytes(StandardCharsets.UTF_8));
        return given().formParam("grant_type", "authorization_code")
                .formParam("code", code)
                .formParam("client_id", "mockboard-api")
                .formParam("client_secret", "mockboard-api-secret")
                .formParam("redirect_uri", "http://127.0.0.1/")
                .when().post(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class) + "/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
