package io.mockboard.template.render;

import static io.mockboard.template.render.SvgDocuments.elements;
import static io.mockboard.template.render.SvgDocuments.number;
import static io.mockboard.template.render.SvgDocuments.parse;
import static io.mockboard.template.render.SvgDocuments.viewBox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.render.SceneSvg.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every template in the catalog directory, rendered as a thumbnail and a preview. Run from the project
 * root; {@code -Dmockboard.catalog.dir=...} points elsewhere. Rule ids are those of docs/scene-rendering.md.
 */
class CatalogThumbnailsTest {

    private static final Path DIRECTORY =
            Path.of(System.getProperty("mockboard.catalog.dir", "src/main/resources/catalog"));
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<List<ObjectNode>>> scenes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            files = listing.filter(p -> p.toString().endsWith(".json") && !p.endsWith("index.json")).sorted().toList();
        }
        assertThat(files).as("templates in %s", DIRECTORY.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> Named.of(file.getFileName().toString(), read(file)));
    }

    private static List<ObjectNode> read(Path file) {
        try {
            List<ObjectNode> elements = new ArrayList<>();
            JSON.readTree(file.toFile()).path("scene").path("elements").forEach(e -> elements.add((ObjectNode) e));
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(List<ObjectNode> scene, String type) {
        return scene.stream().filter(e -> e.path("type").asText().equals(type)).count();
    }

    @ParameterizedTest
    @MethodSource("scenes")
    @DisplayName("[R1] thumbnail and preview are well-formed SVG holding nothing that runs or loads")
    void rendersWellFormedSvg(List<ObjectNode> scene) {
        for (Options options : List.of(Options.thumbnail(), Options.preview())) {
            Document document = parse(SceneSvg.render(scene, options));
            assertThat(number(document.getDocumentElement(), "width")).isLessThanOrEqualTo(options.maxWidth());
            assertThat(number(document.getDocumentElement(), "height")).isLessThanOrEqualTo(options.maxHeight());
        }
    }

    @ParameterizedTest
    @MethodSource("scenes")
    @DisplayName("[R4] the view box covers every element")
    void viewBoxCoversElements(List<ObjectNode> scene) {
        double[] box = viewBox(parse(SceneSvg.render(scene, Options.thumbnail())));
        for (ObjectNode element : scene) {
            for (double[] corner : corners(element)) {
                assertThat(corner[0]).as("x of %s", element.get("id")).isBetween(box[0], box[0] + box[2]);
                assertThat(corner[1]).as("y of %s", element.get("id")).isBetween(box[1], box[1] + box[3]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenes")
    @DisplayName("[R3] every shape, arrow, frame and line of text is drawn")
    void drawsEveryElement(List<ObjectNode> scene) {
        Document document = parse(SceneSvg.render(scene, Options.preview()));
        long arrows = count(scene, "arrow");
        long heads = scene.stream().filter(e -> e.path("type").asText().equals("arrow"))
                .mapToLong(e -> (e.path("startArrowhead").isTextual() ? 1 : 0) + (e.path("endArrowhead").isTextual() ? 1 : 0))
                .sum();

        assertThat(elements(document, "rect")).hasSize(1 + (int) (count(scene, "rectangle") + count(scene, "frame")));
        assertThat(elements(document, "ellipse")).hasSize((int) count(scene, "ellipse"));
        assertThat(elements(document, "polygon")).hasSize((int) (count(scene, "diamond") + heads));
        assertThat(elements(document, "polyline")).hasSize((int) arrows);
        assertThat(elements(document, "text")).hasSize((int) (count(scene, "text") + count(scene, "frame")));
        List<String> lines = elements(document, "tspan").stream().map(Element::getTextContent).toList();
        List<String> expected = scene.stream().filter(e -> e.path("type").asText().equals("text"))
                .flatMap(e -> Stream.of(e.get("text").textValue().split("\n"))).filter(line -> !line.isEmpty()).toList();
        assertThat(lines).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("scenes")
    @DisplayName("[R5] rendering twice gives the same string")
    void isDeterministic(List<ObjectNode> scene) {
        assertThat(SceneSvg.render(scene, Options.thumbnail())).isEqualTo(SceneSvg.render(scene, Options.thumbnail()));
    }

    /** The element's corners, or for arrows its points; the catalog draws nothing rotated. */
    private static List<double[]> corners(JsonNode e) {
        double x = e.get("x").doubleValue();
        double y = e.get("y").doubleValue();
        List<double[]> corners = new ArrayList<>();
        if (e.has("points")) {
            e.get("points").forEach(p -> corners.add(new double[] {x + p.get(0).doubleValue(), y + p.get(1).doubleValue()}));
            return corners;
        }
        double width = e.get("width").doubleValue();
        double height = e.get("height").doubleValue();
        corners.add(new double[] {x, y});
        corners.add(new double[] {x + width, y + height});
        return corners;
    }
}
