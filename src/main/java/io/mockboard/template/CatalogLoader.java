package io.mockboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the shipped catalog ({@code catalog/index.json} and one {@code <slug>.json} per template on the
 * class path) into the database on start, inserting new templates and refreshing changed ones by slug.
 * The files are checked by the build's tests; a file that fails here stops the start with its name.
 */
@ApplicationScoped
public class CatalogLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Map<String, Integer> order;

    private final TemplateService templates;

    CatalogLoader(TemplateService templates) {
        this.templates = templates;
    }

    void onStart(@Observes StartupEvent start) {
        Map<String, String> loaded = templates.loadedHashes();
        for (String slug : order().keySet()) {
            byte[] bytes = bytes("catalog/" + slug + ".json");
            String hash = sha256(bytes);
            if (hash.equals(loaded.get(slug))) {
                continue;
            }
            JsonNode file = parse(bytes, slug);
            List<ObjectNode> elements = new ArrayList<>();
            file.path("scene").path("elements").forEach(e -> elements.add((ObjectNode) e));
            Map<String, Integer> budgets = new LinkedHashMap<>();
            file.path("stepBudgets").properties().forEach(p -> budgets.put(p.getKey(), p.getValue().asInt()));
            TemplateSummary meta = new TemplateSummary(null, slug, file.path("title").asText(), file.path("framework").asText(),
                    file.path("caseStudy").isNull() ? null : file.path("caseStudy").asText(), file.path("variant").asText(),
                    file.path("description").asText(), file.path("interviewerPrompt").asText(),
                    file.path("candidatePrompt").asText(), budgets, elements.size(), 0, null);
            try {
                templates.upsertBuiltIn(meta, elements, hash);
            } catch (RuntimeException e) {
                throw new IllegalStateException("catalog/" + slug + ".json cannot be loaded: " + e.getMessage(), e);
            }
        }
    }

    /** The shipped templates' slugs in gallery order (from the index), with their positions. */
    static Map<String, Integer> order() {
        if (order == null) {
            Map<String, Integer> positions = new LinkedHashMap<>();
            read("catalog/index.json").path("templates").forEach(slug -> positions.put(slug.asText(), positions.size()));
            order = positions;
        }
        return order;
    }

    /** The component library (Excalidraw's .excalidrawlib format) as shipped. */
    public static byte[] library() {
        return bytes("catalog/library.excalidrawlib");
    }

    private static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static JsonNode parse(byte[] bytes, String slug) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("catalog/" + slug + ".json is not JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String path) {
        try (InputStream in = resource(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the class path");
        }
        return in;
    }
}
