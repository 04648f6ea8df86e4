package io.mockboard.template.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one Excalidraw element into a {@link Shape}. Deleted elements, unknown types and elements whose
 * coordinates are missing or not finite give nothing; unusable styling falls back to Excalidraw's
 * defaults.
 */
final class ElementReader {

    private static final String FRAME_STROKE = "#bbbbbb";
    private static final double FRAME_STROKE_WIDTH = 1;
    private static final double ADAPTIVE_RADIUS = 32;
    private static final double ADAPTIVE_CUTOFF = ADAPTIVE_RADIUS / 0.25;
    private static final double LOOP_DISTANCE = 8;

    private ElementReader() {
    }

    static Optional<Shape> read(ObjectNode element) {
        if (element.path("isDeleted").asBoolean(false)) {
            return Optional.empty();
        }
        return ElementType.of(Fields.text(element, "type")).flatMap(type -> switch (type) {
            case RECTANGLE -> box(element).map(place -> new Shape.Rectangle(place, style(element), radius(element, place)));
            case ELLIPSE -> box(element).map(place -> new Shape.Ellipse(place, style(element)));
            case DIAMOND -> box(element).map(place -> new Shape.Diamond(place, style(element)));
            case FRAME, MAGIC_FRAME -> box(element).map(place -> frame(element, place));
            case TEXT -> box(element).flatMap(place -> text(element, place));
            case ARROW, LINE -> linear(element, type == ElementType.LINE);
            case FREEDRAW -> freedraw(element);
            case IMAGE -> box(element).map(place -> new Shape.Image(place, style(element)));
        });
    }

    private static Optional<Placement> box(ObjectNode element) {
        double x = Fields.number(element, "x");
        double y = Fields.number(element, "y");
        double width = Fields.number(element, "width");
        double height = Fields.number(element, "height");
        double angle = Fields.number(element, "angle", 0);
        return Fields.valid(x, y, width, height, angle)
                ? Optional.of(new Placement(x, y, width, height, angle))
                : Optional.empty();
    }

    private static Style style(ObjectNode element) {
        double strokeWidth = Fields.setting(element, "strokeWidth", 2, 0, 100);
        return new Style(Colors.stroke(Fields.text(element, "strokeColor"), Style.INK),
                Colors.fill(Fields.text(element, "backgroundColor")), strokeWidth,
                Dash.of(Fields.text(element, "strokeStyle")), opacity(element));
    }

    private static double opacity(ObjectNode element) {
        return Fields.setting(element, "opacity", 100, 0, 100) / 100;
    }

    /** Excalidraw's corner radius: a quarter of the short side, capped at 32 for adaptive roundness. */
    private static double radius(ObjectNode element, Placement place) {
        JsonNode roundness = element.get("roundness");
        if (roundness == null || !roundness.isObject()) {
            return 0;
        }
        double side = Math.min(place.width(), place.height());
        return switch (roundness.path("type").asInt(0)) {
            case 1, 2 -> side * 0.25;
            case 3 -> {
                double fixed = Fields.setting((ObjectNode) roundness, "value", ADAPTIVE_RADIUS, 0, side / 2);
                yield side <= ADAPTIVE_CUTOFF ? side * 0.25 : fixed;
            }
            default -> 0;
        };
    }

    private static Shape frame(ObjectNode element, Placement place) {
        String name = Fields.text(element, "name");
        Style style = new Style(FRAME_STROKE, Colors.NONE, FRAME_STROKE_WIDTH, Dash.SOLID, opacity(element));
        return new Shape.Frame(place, style, name == null ? "Frame" : name);
    }

    private static Optional<Shape> text(ObjectNode element, Placement place) {
        String text = Fields.text(element, "text");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        FontFace face = FontFace.of((int) Fields.setting(element, "fontFamily", 5, 0, 100));
        double fontSize = Fields.setting(element, "fontSize", 20, 1, 1000);
        double lineHeight = Fields.setting(element, "lineHeight", 1.25, 0.5, 5);
        TextAlign align = TextAlign.of(Fields.text(element, "textAlign"));
        return Optional.of(new Shape.Text(place, style(element), lines, face, fontSize, lineHeight, align));
    }

    private static Optional<Shape> linear(ObjectNode element, boolean line) {
        double[] xy = points(element, 2);
        double angle = Fields.number(element, "angle", 0);
        if (xy == null || Double.isNaN(angle)) {
            return Optional.empty();
        }
        Style style = style(element);
        List<Head> heads = new ArrayList<>(2);
        Arrowhead.of(Fields.text(element, "startArrowhead"))
                .flatMap(kind -> Head.on(kind, xy, false, style.strokeWidth())).ifPresent(heads::add);
        Arrowhead.of(Fields.text(element, "endArrowhead"))
                .flatMap(kind -> Head.on(kind, xy, true, style.strokeWidth())).ifPresent(heads::add);
        boolean closed = line && (element.path("polygon").asBoolean(false) || loops(xy));
        return Optional.of(new Shape.Linear(Placement.around(xy, angle), style, xy, closed, List.copyOf(heads)));
    }

    private static Optional<Shape> freedraw(ObjectNode element) {
        double[] xy = points(element, 1);
        double angle = Fields.number(element, "angle", 0);
        if (xy == null || Double.isNaN(angle)) {
            return Optional.empty();
        }
        return Optional.of(new Shape.Freedraw(Placement.around(xy, angle), style(element), xy));
    }

    private static double[] points(ObjectNode element, int minimum) {
        double x = Fields.number(element, "x");
        double y = Fields.number(element, "y");
        if (!Fields.valid(x, y)) {
            return null;
        }
        double[] xy = Fields.points(element, x, y);
        return xy != null && xy.length >= 2 * minimum ? xy : null;
    }

    /** A line whose ends meet (three points or more) is a closed shape in Excalidraw. */
    private static boolean loops(double[] xy) {
        int last = xy.length - 2;
        return xy.length >= 6 && Math.hypot(xy[0] - xy[last], xy[1] - xy[last + 1]) <= LOOP_DISTANCE;
    }
}
