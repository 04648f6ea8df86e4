package io.mockboard.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The call's configuration is documented where people look for it, with its real defaults. */
class CallConfigDocsTest {
    @Test
    void everyCallSettingIsDocumentedWithItsDefaultInTheCallPageAndTheConfigurationReference() throws IOException {
        Method[] settings = CallConfig.class.getDeclaredMethods();
        assertThat(settings).isNotEmpty();
        for (String page : new String[] {"docs/call.md", "docs/configuration.md"}) {
            String docs = Files.readString(Path.of(page));
            for (Method setting : settings) {
                String key = "mockboard.call." + setting.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
                WithDefault value = setting.getAnnotation(WithDefault.class);
                assertThat(docs).as(key + " in " + page).contains("| `" + key + "` | " + (value == null ? "none |" : value.value() + " |"));
            }
        }
    }
}
