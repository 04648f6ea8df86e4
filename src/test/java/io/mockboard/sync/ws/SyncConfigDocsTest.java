package io.mockboard.sync.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The configuration reference says what the code does: every sync setting is listed with its real default. */
class SyncConfigDocsTest {
    @Test
    void everySyncSettingIsDocumentedWithItsDefault() throws IOException {
        String docs = Files.readString(Path.of("docs/configuration.md"));
        Method[] settings = SyncConfig.class.getDeclaredMethods();
        assertThat(settings).isNotEmpty();
        for (Method setting : settings) {
            String key = "mockboard.sync." + setting.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            WithDefault value = setting.getAnnotation(WithDefault.class);
            String row = "| `" + key + "` | " + (value == null ? "" : value.value() + " |");
            assertThat(docs).as(key).contains(row);
        }
        assertThat(Arrays.stream(settings).filter(s -> s.getAnnotation(WithDefault.class) == null).map(Method::getName))
                .as("settings without a default").containsExactlyInAnyOrder("allowedOrigins", "nodeId", "nodeAddress");
    }
}
