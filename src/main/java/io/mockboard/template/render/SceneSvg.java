package io.mockboard.template.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an Excalidraw scene to a self-contained SVG document: a white background, then every
 * drawable element in array order. The same elements always give the same string.
 */
public final class SceneSvg {

    private static final String EMPTY_TEXT = "Empty board";
    private static final String MUTED = "#868e96";

    private SceneSvg() {
    }

    /**
     * Draws {@code elements} (deleted, unknown and malformed ones are left out) scaled to fit the
     * options' box; a scene with nothing to draw gives a card saying "Empty board".
     */
    public static String render(List<ObjectNode> elements, Options options) {
        List<Shape> shapes = new ArrayList<>(elements.size());
        Bounds bounds = new Bounds();
        for (ObjectNode element : elements) {
            if (element != null) {
                ElementReader.read(element).ifPresent(shape -> {
                    shapes.add(shape);
                    shape.addTo(bounds);
                });
            }
        }
        if (shapes.isEmpty()) {
            return empty(options);
        }
        Viewport view = Viewport.fit(bounds, options);
        SvgWriter svg = new SvgWriter(512 + shapes.size() * 200);
        header(svg, view);
        ShapePainter painter = new ShapePainter(svg);
        shapes.forEach(painter::paint);
        return svg.end("svg").toString();
    }

    private static void header(SvgWriter svg, Viewport view) {
        svg.start("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", view.pixelWidth()).attr("height", view.pixelHeight())
                .numbers("viewBox", view.minX(), view.minY(), view.width(), view.height())
                .attr("role", "img").open();
        svg.start("rect").attr("x", view.minX()).attr("y", view.minY())
                .attr("width", view.width()).attr("height", view.height()).attr("fill", "#ffffff").close();
    }

    private static String empty(Options options) {
        int width = options.maxWidth();
        int height = options.maxHeight();
        SvgWriter svg = new SvgWriter(512);
        svg.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("width", width).attr("height", height)
                .numbers("viewBox", 0, 0, width, height).attr("role", "img").open();
        svg.start("rect").attr("width", width).attr("height", height).attr("fill", "#ffffff").close();
        svg.start("text").attr("x", width / 2.0).attr("y", height / 2.0)
                .attr("text-anchor", "middle").attr("dominant-baseline", "central")
                .attr("font-family", FontFace.NUNITO.css())
                .attr("font-size", Math.max(10, Math.min(width, height) / 10.0))
                .attr("fill", MUTED).open().text(EMPTY_TEXT).end("text");
        return svg.end("svg").toString();
    }

    /**
     * Output size: the picture is scaled to fit {@code maxWidth} × {@code maxHeight} pixels keeping its
     * aspect ratio, with {@code padding} pixels of white around the elements.
     */
    public record Options(int maxWidth, int maxHeight, int padding) {

        public Options {
            if (maxWidth <= 0 || maxHeight <= 0) {
                throw new IllegalArgumentException("size must be positive: " + maxWidth + "×" + maxHeight);
            }
            if (padding < 0 || 2 * padding >= Math.min(maxWidth, maxHeight)) {
                throw new IllegalArgumentException("padding " + padding + " does not fit " + maxWidth + "×" + maxHeight);
            }
        }

        /** A gallery card. */
        public static Options thumbnail() {
            return new Options(480, 300, 12);
        }

        /** A larger preview before a template is chosen. */
        public static Options preview() {
            return new Options(1600, 1200, 32);
        }
    }
}
