package io.mockboard.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code src/main/resources/catalog} are exactly what the generator writes. Run from the
 * project root (Maven does); {@code -Dmockboard.catalog.dir=...} points elsewhere, and
 * {@code -Dmockboard.catalog.regenerate=true} writes the files first (after changing the catalog code).
 */
class CatalogFilesTest {

    @org.junit.jupiter.api.BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("mockboard.catalog.regenerate")) {
            CatalogWriter.main(new String[] {DIRECTORY.toString()});
        }
    }

    private static final Path DIRECTORY =
            Path.of(System.getProperty("mockboard.catalog.dir", CatalogWriter.DEFAULT_DIRECTORY));
    private static final Map<String, String> GENERATED = CatalogWriter.files();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("[T12] every generated file is on disk, byte for byte (regenerate with CatalogWriter)")
    void filesAreUpToDate() throws IOException {
        for (Map.Entry<String, String> file : GENERATED.entrySet()) {
            Path path = DIRECTORY.resolve(file.getKey());
            assertThat(path).as("%s is missing; run CatalogWriter", path).exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8))
                    .as("%s is stale or was edited by hand; run CatalogWriter", path)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    @DisplayName("[T12] the catalog directory holds no file the generator does not write")
    void noLeftoverFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(GENERATED.keySet());
        }
    }

    @Test
    @DisplayName("[T12] every file parses; template documents have the catalog fields in order")
    void filesParse() throws IOException {
        for (String name : GENERATED.keySet()) {
            JsonNode root = JSON.readTree(GENERATED.get(name));
            if (name.equals(CatalogWriter.INDEX) || name.equals(CatalogWriter.LIBRARY)) {
                continue;
            }
            assertThat(root.propertyStream().map(Map.Entry::getKey).toList()).containsExactly("slug", "title",
                    "framework", "caseStudy", "variant", "description", "interviewerPrompt", "candidatePrompt",
                    "stepBudgets", "scene");
            assertThat(root.get("slug").textValue() + ".json").isEqualTo(name);
            JsonNode scene = root.get("scene");
            assertThat(scene.get("type").textValue()).isEqualTo("excalidraw");
            assertThat(scene.get("version").intValue()).isEqualTo(2);
            assertThat(scene.get("source").textValue()).isEqualTo("mockboard");
            assertThat(scene.get("elements").isArray()).isTrue();
            assertThat(scene.get("appState").get("viewBackgroundColor").textValue()).isEqualTo("#ffffff");
            assertThat(scene.get("files").isObject()).isTrue();
        }
    }

    @Test
    @DisplayName("[T12] the index lists every template's slug in gallery order")
    void indexListsSlugs() throws IOException {
        JsonNode index = JSON.readTree(GENERATED.get(CatalogWriter.INDEX));
        List<String> slugs = Catalog.templates().stream().map(TemplateDefinition::slug).toList();
        assertThat(index.get("templates").valueStream().map(JsonNode::textValue).toList()).isEqualTo(slugs);
        assertThat(slugs).doesNotHaveDuplicates();
        assertThat(slugs).allSatisfy(slug -> assertThat(GENERATED).containsKey(slug + ".json"));
    }

    @Test
    @DisplayName("[T12] files end with one newline and use LF line ends")
    void filesAreNormalised() {
        assertThat(GENERATED.values()).allSatisfy(text -> {
            assertThat(text).endsWith("}\n").doesNotContain("\r");
        });
    }
}
