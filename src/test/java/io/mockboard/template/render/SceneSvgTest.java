package io.mockboard.template.render;

import static io.mockboard.template.render.SvgDocuments.elements;
import static io.mockboard.template.render.SvgDocuments.number;
import static io.mockboard.template.render.SvgDocuments.parse;
import static io.mockboard.template.render.SvgDocuments.viewBox;
import static io.mockboard.template.render.TestElements.JSON;
import static io.mockboard.template.render.TestElements.arrow;
import static io.mockboard.template.render.TestElements.rectangle;
import static io.mockboard.template.render.TestElements.shape;
import static io.mockboard.template.render.TestElements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.template.render.SceneSvg.Options;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Rule ids are those of docs/scene-rendering.md. */
class SceneSvgTest {

    private static final Options OPTIONS = new Options(400, 300, 10);

    private static Document render(ObjectNode... elements) {
        return parse(SceneSvg.render(List.of(elements), OPTIONS));
    }

    /** Drawn rectangles, without the background. */
    private static List<Element> rects(Document document) {
        List<Element> rects = elements(document, "rect");
        return rects.subList(1, rects.size());
    }

    @Test
    @DisplayName("[R2] text that closes the document and opens a script is drawn as text")
    void rendersHostileTextHarmlessly() {
        String hostile = "</text></svg><script>alert(1)</script> & \"quoted\" 'single' ]]> <!-- x -->";
        String svg = SceneSvg.render(List.of(text(hostile, 0, 0, 300, 25)), OPTIONS);

        Document document = parse(svg);
        assertThat(svg).doesNotContain("<script", "</svg><", "<!--");
        assertThat(elements(document, "script")).isEmpty();
        assertThat(elements(document, "tspan")).singleElement().extracting(Element::getTextContent).isEqualTo(hostile);
    }

    @Test
    @DisplayName("[R2] characters XML cannot hold are dropped; emoji survive")
    void dropsCharactersXmlCannotHold() {
        Document document = render(text("a\u0000b\u0007c\uD800d\uFFFEe\uD83D\uDE00", 0, 0, 100, 25));

        assertThat(elements(document, "tspan").getFirst().getTextContent()).isEqualTo("abcde\uD83D\uDE00");
    }

    @Test
    @DisplayName("[R2] a colour that is not a plain colour falls back to the default")
    void rejectsUnsafeColours() {
        ObjectNode hostile = rectangle(0, 0, 100, 50).put("strokeColor", "red\" onload=\"alert(1)")
                .put("backgroundColor", "url(https://evil.example/x.svg#a)");
        ObjectNode label = text("hi", 0, 60, 40, 25).put("strokeColor", "#fff\"/><script>alert(1)</script>");
        String svg = SceneSvg.render(List.of(hostile, label), OPTIONS);

        Document document = parse(svg);
        assertThat(svg).doesNotContain("onload", "alert", "url(", "evil");
        Element rect = rects(document).getFirst();
        assertThat(rect.getAttribute("stroke")).isEqualTo(Style.INK);
        assertThat(rect.getAttribute("fill")).isEqualTo("none");
        assertThat(elements(document, "text").getFirst().getAttribute("fill")).isEqualTo(Style.INK);
    }

    @Test
    @DisplayName("[R2] palette, rgb() and named colours pass; transparent means no paint")
    void keepsPlainColours() {
        Document document = render(
                rectangle(0, 0, 10, 10).put("strokeColor", "#1971C2").put("backgroundColor", "transparent"),
                rectangle(20, 0, 10, 10).put("strokeColor", "rgb(10, 20, 30)").put("backgroundColor", "Teal"));

        List<Element> rects = rects(document);
        assertThat(rects.get(0).getAttribute("stroke")).isEqualTo("#1971c2");
        assertThat(rects.get(0).getAttribute("fill")).isEqualTo("none");
        assertThat(rects.get(1).getAttribute("stroke")).isEqualTo("rgb(10, 20, 30)");
        assertThat(rects.get(1).getAttribute("fill")).isEqualTo("teal");
    }

    @Test
    @DisplayName("[R3] deleted elements are neither drawn nor counted in the view box")
    void leavesOutDeletedElements() {
        ObjectNode gone = text("GONE", 10_000, 10_000, 100, 25).put("isDeleted", true);
        String svg = SceneSvg.render(List.of(rectangle(0, 0, 100, 50), gone), OPTIONS);

        assertThat(svg).doesNotContain("GONE");
        assertThat(viewBox(parse(svg))[2]).isLessThan(1_000);
    }

    @Test
    @DisplayName("[R3] elements with missing, non-finite or absurd coordinates are left out")
    void leavesOutMalformedCoordinates() {
        ObjectNode nanX = rectangle(0, 0, 10, 10);
        nanX.set("x", DoubleNode.valueOf(Double.NaN));
        ObjectNode infiniteWidth = rectangle(0, 0, 10, 10);
        infiniteWidth.set("width", DoubleNode.valueOf(Double.POSITIVE_INFINITY));
        ObjectNode missingY = rectangle(0, 0, 10, 10);
        missingY.remove("y");
        ObjectNode stringX = rectangle(0, 0, 10, 10).put("x", "10");
        ObjectNode farAway = rectangle(0, 0, 10, 10).put("x", 1e12);
        ObjectNode nanAngle = rectangle(0, 0, 10, 10);
        nanAngle.set("angle", DoubleNode.valueOf(Double.NaN));
        ObjectNode badPoint = arrow(0, 0, 0, 0, 50, 50);
        ((ArrayNode) badPoint.get("points")).add(JSON.createArrayNode().addNull().add(1));
        ObjectNode noPoints = arrow(0, 0);
        ObjectNode good = rectangle(5, 5, 20, 20);

        String svg = SceneSvg.render(
                List.of(nanX, infiniteWidth, missingY, stringX, farAway, nanAngle, badPoint, noPoints, good), OPTIONS);

        Document document = parse(svg);
        assertThat(rects(document)).singleElement().satisfies(rect -> assertThat(number(rect, "x")).isEqualTo(5));
        assertThat(elements(document, "polyline")).isEmpty();
        assertThat(svg).doesNotContain("NaN", "Infinity", "E12");
    }

    @Test
    @DisplayName("[R3] unknown types are left out; a scene of only those is empty")
    void leavesOutUnknownTypes() {
        ObjectNode untyped = rectangle(0, 0, 10, 10);
        untyped.remove("type");
        Document document = render(shape("embeddable", 0, 0, 10, 10), shape("iframe", 0, 0, 10, 10),
                shape("selection", 0, 0, 10, 10), shape("<script>", 0, 0, 10, 10), untyped);

        assertThat(document.getDocumentElement().getTextContent()).isEqualTo("Empty board");
    }

    @Test
    @DisplayName("[R3] elements are drawn in array order")
    void drawsInArrayOrder() {
        Document document = render(shape("ellipse", 0, 0, 50, 50), rectangle(20, 20, 50, 50),
                shape("diamond", 40, 40, 50, 50), text("top", 0, 0, 40, 25));

        List<String> order = new ArrayList<>();
        Element root = document.getDocumentElement();
        for (var node = root.getFirstChild().getNextSibling(); node != null; node = node.getNextSibling()) {
            order.add(node.getLocalName());
        }
        assertThat(order).containsExactly("ellipse", "rect", "polygon", "text");
    }

    @Test
    @DisplayName("[R4] a rotated element turns about its centre and the view box covers its turned extent")
    void rotatesAboutTheCentre() {
        Document document = render(rectangle(0, 0, 200, 20).put("angle", Math.PI / 2));

        Element group = elements(document, "g").getFirst();
        assertThat(group.getAttribute("transform")).isEqualTo("rotate(90 100 10)");
        double[] box = viewBox(document);
        assertThat(box[0]).isLessThanOrEqualTo(90);
        assertThat(box[0] + box[2]).isGreaterThanOrEqualTo(110);
        assertThat(box[1]).isLessThanOrEqualTo(-90);
        assertThat(box[1] + box[3]).isGreaterThanOrEqualTo(110);
        assertThat(box[2]).as("narrow once turned").isLessThan(box[3]);
    }

    @Test
    @DisplayName("[R4] the view box covers arrows running up and left of their origin, text, and frame names")
    void viewBoxCoversEverything() {
        Document document = render(arrow(100, 100, 0, 0, -80, -60, -80, 40),
                text("note", 300, 300, 120, 25),
                shape("frame", 0, 150, 200, 100).put("name", "Frame one"));

        double[] box = viewBox(document);
        assertThat(box[0]).isLessThanOrEqualTo(0);
        assertThat(box[1]).isLessThanOrEqualTo(40);
        assertThat(box[0] + box[2]).isGreaterThanOrEqualTo(420);
        assertThat(box[1] + box[3]).isGreaterThanOrEqualTo(325);
    }

    @Test
    @DisplayName("[R4] the picture fills the options' box along its longer side and keeps its aspect ratio")
    void fitsTheOptionsBox() {
        Document wide = render(rectangle(0, 0, 1000, 100));
        Document tall = render(rectangle(0, 0, 100, 1000));

        assertThat(number(wide.getDocumentElement(), "width")).isEqualTo(400);
        assertThat(number(wide.getDocumentElement(), "height")).isLessThan(300);
        assertThat(number(tall.getDocumentElement(), "height")).isEqualTo(300);
        assertThat(number(tall.getDocumentElement(), "width")).isLessThan(400);
        double[] box = viewBox(wide);
        assertThat(box[2] / box[3]).isCloseTo(number(wide.getDocumentElement(), "width")
                / number(wide.getDocumentElement(), "height"), within(0.01));
    }

    @Test
    @DisplayName("[R4] options reject sizes with no room for the picture")
    void rejectsUnusableOptions() {
        assertThatThrownBy(() -> new Options(0, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(100, 100, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(100, 100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("dashed and dotted strokes get Excalidraw's dash patterns")
    void dashesStrokes() {
        Document document = render(rectangle(0, 0, 10, 10).put("strokeStyle", "dashed"),
                shape("ellipse", 20, 0, 10, 10).put("strokeStyle", "dotted"), rectangle(40, 0, 10, 10));

        assertThat(rects(document).get(0).getAttribute("stroke-dasharray")).isEqualTo("8 10");
        assertThat(elements(document, "ellipse").getFirst().getAttribute("stroke-dasharray")).isEqualTo("1.5 8");
        assertThat(rects(document).get(1).hasAttribute("stroke-dasharray")).isFalse();
    }

    @Test
    @DisplayName("arrowheads are filled triangles in the stroke colour, at whichever ends have one")
    void drawsArrowheads() {
        ObjectNode endOnly = arrow(0, 0, 0, 0, 100, 0).put("strokeColor", "#1971c2");
        ObjectNode both = arrow(0, 50, 0, 0, 100, 0).put("startArrowhead", "triangle");
        ObjectNode none = arrow(0, 100, 0, 0, 100, 0).putNull("endArrowhead");
        Document document = render(endOnly, both, none);

        List<Element> heads = elements(document, "polygon");
        assertThat(heads).hasSize(3);
        assertThat(heads.getFirst().getAttribute("fill")).isEqualTo("#1971c2");
        assertThat(heads.getFirst().getAttribute("points")).startsWith("100,0 ");
        assertThat(elements(document, "polyline")).hasSize(3);
    }

    @Test
    @DisplayName("rectangles with roundness get Excalidraw's corner radius; sharp ones none")
    void roundsCorners() {
        ObjectNode rounded = rectangle(0, 0, 240, 110);
        rounded.putObject("roundness").put("type", 3);
        ObjectNode large = rectangle(0, 200, 400, 300);
        large.putObject("roundness").put("type", 3);
        Document document = render(rounded, large, rectangle(300, 0, 50, 50));

        List<Element> rects = rects(document);
        assertThat(number(rects.get(0), "rx")).isEqualTo(27.5);
        assertThat(number(rects.get(1), "rx")).isEqualTo(32);
        assertThat(rects.get(2).hasAttribute("rx")).isFalse();
    }

    @Test
    @DisplayName("text is laid out line by line in its box, with its size, family and alignment")
    void laysOutText() {
        ObjectNode centred = text("one\ntwo\n\nfour", 100, 50, 200, 100).put("textAlign", "center")
                .put("fontSize", 16).put("lineHeight", 1.5).put("fontFamily", 6);
        ObjectNode right = text("end", 0, 300, 80, 25).put("textAlign", "right");
        Document document = render(centred, right);

        Element first = elements(document, "text").get(0);
        assertThat(first.getAttribute("font-family")).startsWith("Nunito");
        assertThat(first.getAttribute("font-size")).isEqualTo("16");
        assertThat(first.getAttribute("text-anchor")).isEqualTo("middle");
        List<Element> lines = elements(document, "tspan");
        assertThat(lines.subList(0, 3)).extracting(Element::getTextContent).containsExactly("one", "two", "four");
        assertThat(lines.subList(0, 3)).allSatisfy(line -> assertThat(number(line, "x")).isEqualTo(200));
        assertThat(number(lines.get(1), "y") - number(lines.get(0), "y")).isCloseTo(24, within(0.01));
        assertThat(number(lines.get(2), "y") - number(lines.get(0), "y")).isCloseTo(72, within(0.01));
        assertThat(number(lines.get(0), "y")).isBetween(50.0, 50.0 + 24);
        assertThat(elements(document, "text").get(1).getAttribute("text-anchor")).isEqualTo("end");
        assertThat(number(lines.get(3), "x")).isEqualTo(80);
    }

    @Test
    @DisplayName("a frame is a thin grey rounded outline with its name above its top-left corner")
    void drawsFrames() {
        Document document = render(shape("frame", 0, 100, 400, 200).put("strokeColor", "#000").put("name", "1 · Clarify"));

        Element outline = rects(document).getFirst();
        assertThat(number(outline, "rx")).isEqualTo(8);
        assertThat(outline.getAttribute("fill")).isEqualTo("none");
        assertThat(outline.getAttribute("stroke")).isEqualTo("#bbbbbb");
        Element name = elements(document, "text").getFirst();
        assertThat(name.getTextContent()).isEqualTo("1 · Clarify");
        assertThat(number(name, "x")).isEqualTo(0);
        assertThat(number(name, "y")).isLessThan(100);
    }

    @Test
    @DisplayName("opacity and stroke width carry over")
    void keepsOpacityAndStrokeWidth() {
        Document document = render(rectangle(0, 0, 10, 10).put("opacity", 50).put("strokeWidth", 4));

        assertThat(elements(document, "g").getFirst().getAttribute("opacity")).isEqualTo("0.5");
        assertThat(rects(document).getFirst().getAttribute("stroke-width")).isEqualTo("4");
    }

    @Test
    @DisplayName("lines, closed lines, freehand strokes and images are drawn without loading anything")
    void drawsOtherTypes() {
        ObjectNode open = arrow(0, 0, 0, 0, 50, 50).put("type", "line").putNull("endArrowhead");
        ObjectNode closed = arrow(100, 0, 0, 0, 50, 0, 50, 50, 0, 0).put("type", "line").putNull("endArrowhead")
                .put("backgroundColor", "#ffec99");
        ObjectNode pen = arrow(200, 0, 0, 0, 3, 4, 8, 2).put("type", "freedraw");
        ObjectNode image = shape("image", 300, 0, 100, 80).put("fileId", "abc").put("status", "saved");
        Document document = render(open, closed, pen, image);

        List<Element> strokes = elements(document, "polyline");
        assertThat(strokes).hasSize(3);
        assertThat(strokes.get(0).getAttribute("fill")).isEqualTo("none");
        assertThat(strokes.get(1).getAttribute("fill")).isEqualTo("#ffec99");
        assertThat(strokes.get(2).getAttribute("points")).isEqualTo("200,0 203,4 208,2");
        assertThat(elements(document, "polygon")).hasSize(1);
        assertThat(rects(document)).singleElement().satisfies(r -> assertThat(number(r, "x")).isEqualTo(300));
    }

    @Test
    @DisplayName("[R6] a scene with nothing to draw says so")
    void rendersEmptyBoard() {
        Document empty = parse(SceneSvg.render(List.of(), Options.thumbnail()));
        Document allDeleted = render(rectangle(0, 0, 10, 10).put("isDeleted", true));

        for (Document document : List.of(empty, allDeleted)) {
            Element text = elements(document, "text").getFirst();
            assertThat(text.getTextContent()).isEqualTo("Empty board");
            assertThat(text.getAttribute("text-anchor")).isEqualTo("middle");
        }
        assertThat(number(empty.getDocumentElement(), "width")).isEqualTo(480);
    }

    @Test
    @DisplayName("[R5] the same elements always give the same string")
    void isDeterministic() {
        List<ObjectNode> scene = List.of(rectangle(0.123, 4.567, 89.1, 23.456).put("angle", 0.7),
                text("a\nb", 3, 4, 50, 50), arrow(1, 2, 0, 0, 33.333, 66.666));
        List<ObjectNode> copy = scene.stream().map(ObjectNode::deepCopy).toList();

        assertThat(SceneSvg.render(copy, OPTIONS)).isEqualTo(SceneSvg.render(scene, OPTIONS));
    }

    @Test
    @DisplayName("[R1] ten thousand elements render to well-formed SVG")
    void rendersLargeScenes() {
        List<ObjectNode> scene = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ObjectNode element = switch (i % 4) {
                case 0 -> rectangle(i % 100 * 150, i / 100 * 120, 120, 80);
                case 1 -> text("label " + i, i % 100 * 150, i / 100 * 120, 120, 25);
                case 2 -> arrow(i % 100 * 150, i / 100 * 120, 0, 0, 60, 40, 120, 0);
                default -> shape("ellipse", i % 100 * 150, i / 100 * 120, 120, 80).put("angle", 0.3);
            };
            scene.add(element);
        }
        Document document = parse(SceneSvg.render(scene, Options.preview()));
        assertThat(rects(document)).hasSize(2_500);
        assertThat(elements(document, "ellipse")).hasSize(2_500);
    }
}
