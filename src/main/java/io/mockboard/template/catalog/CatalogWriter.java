package io.mockboard.template.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the catalog files: {@code <slug>.json} per template, {@code index.json} and
 * {@code library.excalidrawlib}. Run from the project root:
 * {@code java ... io.mockboard.template.catalog.CatalogWriter [directory]} (default
 * {@code src/main/resources/catalog}). Files of templates that no longer exist are removed.
 */
public final class CatalogWriter {

    /** Where the catalog lives in the source tree, relative to the project root. */
    public static final String DEFAULT_DIRECTORY = "src/main/resources/catalog";

    public static final String INDEX = "index.json";
    public static final String LIBRARY = "library.excalidrawlib";

    private CatalogWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : DEFAULT_DIRECTORY);
        Map<String, String> files = files();
        write(directory, files);
        System.out.println("wrote " + files.size() + " files to " + directory.toAbsolutePath().normalize());
    }

    /** File name → content, for every file the catalog consists of. */
    public static Map<String, String> files() {
        List<TemplateDefinition> templates = Catalog.templates();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(INDEX, CatalogJson.render(CatalogJson.index(templates)));
        for (TemplateDefinition template : templates) {
            files.put(template.slug() + ".json", CatalogJson.render(CatalogJson.template(template)));
        }
        files.put(LIBRARY, CatalogJson.render(ComponentLibrary.library()));
        return files;
    }

    static void write(Path directory, Map<String, String> files) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> existing = Files.list(directory)) {
            for (Path path : existing.toList()) {
                String name = path.getFileName().toString();
                boolean ours = name.endsWith(".json") || name.endsWith(".excalidrawlib");
                if (ours && !files.containsKey(name)) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
