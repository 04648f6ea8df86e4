package io.mockboard.template.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.layout.Scene;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of the catalog: one document per template, the index, and the pretty printing every file
 * shares (two-space indent, LF line ends, a final newline, fields always in the same order).
 */
public final class CatalogJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(printer());

    private CatalogJson() {
    }

    /** The template document: metadata, then the Excalidraw scene. */
    public static ObjectNode template(TemplateDefinition template) {
        ObjectNode node = JSON.objectNode();
        node.put("slug", template.slug());
        node.put("title", template.title());
        node.put("framework", template.framework().wire());
        if (template.caseStudy() == null) {
            node.putNull("caseStudy");
        } else {
            node.put("caseStudy", template.caseStudy());
        }
        node.put("variant", template.variant().wire());
        node.put("description", template.description());
        node.put("interviewerPrompt", template.interviewerPrompt());
        node.put("candidatePrompt", template.candidatePrompt());
        ObjectNode budgets = node.putObject("stepBudgets");
        template.stepBudgets().forEach(budgets::put);
        node.set("scene", scene(template.scene()));
        return node;
    }

    /** An Excalidraw file ({@code .excalidraw}) holding the scene. */
    public static ObjectNode scene(Scene scene) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "excalidraw");
        node.put("version", 2);
        node.put("source", "mockboard");
        node.set("elements", scene.toJson());
        node.putObject("appState").put("viewBackgroundColor", "#ffffff");
        node.putObject("files");
        return node;
    }

    /** The index: the slugs in gallery order. */
    public static ObjectNode index(List<TemplateDefinition> templates) {
        ObjectNode node = JSON.objectNode();
        templates.forEach(template -> node.withArray("templates").add(template.slug()));
        return node;
    }

    /** The text of a catalog file. */
    public static String render(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        // arrays stay on one line (points, ids), objects get a line per field
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    }
}
