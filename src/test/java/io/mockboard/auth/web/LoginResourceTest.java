package io.mockboard.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginResourceTest {
    @Test
    void returnsOnlyToPathsOnThisSite() {
        assertThat(LoginResource.isLocalPath("/b/0449b42d-0655-4cd2-9fea-446d828fae1d")).isTrue();
        assertThat(LoginResource.isLocalPath("/home?tab=ended")).isTrue();
        assertThat(LoginResource.isLocalPath(null)).isFalse();
        assertThat(LoginResource.isLocalPath("https://evil.example/")).isFalse();
        assertThat(LoginResource.isLocalPath("//evil.example/")).isFalse();
        assertThat(LoginResource.isLocalPath("/\\evil.example/")).isFalse();
        assertThat(LoginResource.isLocalPath("/ok\r\nSet-Cookie: x=y")).isFalse();
    }
}
