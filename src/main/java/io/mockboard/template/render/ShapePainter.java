package io.mockboard.template.render;

/** Writes {@link Shape}s as SVG elements, each in a group when it is rotated or translucent. */
final class ShapePainter {

    private static final String FRAME_NAME_COLOR = "#868e96";
    private static final double FRAME_NAME_CHAR_WIDTH = 0.6;
    private static final String IMAGE_FILL = "#f1f3f5";
    private static final String IMAGE_STROKE = "#ced4da";
    private static final String IMAGE_GLYPH = "#adb5bd";
    private static final double FREEDRAW_WIDTH_FACTOR = 2;

    private final SvgWriter svg;

    ShapePainter(SvgWriter svg) {
        this.svg = svg;
    }

    void paint(Shape shape) {
        boolean grouped = openGroup(shape.place(), shape.style().opacity());
        switch (shape) {
            case Shape.Rectangle rectangle -> rectangle(rectangle);
            case Shape.Ellipse ellipse -> ellipse(ellipse);
            case Shape.Diamond diamond -> diamond(diamond);
            case Shape.Frame frame -> frame(frame);
            case Shape.Text text -> text(text);
            case Shape.Linear linear -> linear(linear);
            case Shape.Freedraw freedraw -> freedraw(freedraw);
            case Shape.Image image -> image(image);
        }
        if (grouped) {
            svg.end("g");
        }
    }

    private boolean openGroup(Placement place, double opacity) {
        if (place.angle() == 0 && opacity >= 1) {
            return false;
        }
        svg.start("g");
        if (place.angle() != 0) {
            svg.rotate(place.degrees(), place.centreX(), place.centreY());
        }
        if (opacity < 1) {
            svg.attr("opacity", opacity);
        }
        svg.open();
        return true;
    }

    private void rectangle(Shape.Rectangle shape) {
        Placement place = shape.place();
        box("rect", place);
        if (shape.radius() > 0) {
            svg.attr("rx", shape.radius()).attr("ry", shape.radius());
        }
        paint(shape.style(), shape.style().fill());
        svg.close();
    }

    private void ellipse(Shape.Ellipse shape) {
        Placement place = shape.place();
        svg.start("ellipse").attr("cx", place.centreX()).attr("cy", place.centreY())
                .attr("rx", place.width() / 2).attr("ry", place.height() / 2);
        paint(shape.style(), shape.style().fill());
        svg.close();
    }

    private void diamond(Shape.Diamond shape) {
        Placement p = shape.place();
        svg.start("polygon").points(new double[] {p.centreX(), p.y(), p.x() + p.width(), p.centreY(),
                p.centreX(), p.y() + p.height(), p.x(), p.centreY()}).attr("stroke-linejoin", "round");
        paint(shape.style(), shape.style().fill());
        svg.close();
    }

    private void frame(Shape.Frame shape) {
        Placement place = shape.place();
        box("rect", place);
        svg.attr("rx", Math.min(Shape.Frame.RADIUS, Math.min(place.width(), place.height()) / 2));
        paint(shape.style(), Colors.NONE);
        svg.close();
        svg.start("text").attr("x", place.x()).attr("y", place.y() - Shape.Frame.NAME_GAP - Shape.Frame.NAME_SIZE / 4)
                .attr("font-family", FontFace.NUNITO.css()).attr("font-size", Shape.Frame.NAME_SIZE)
                .attr("fill", FRAME_NAME_COLOR).attr("xml:space", "preserve").open()
                .text(truncate(shape.name(), place.width())).end("text");
    }

    private static String truncate(String name, double width) {
        int fits = (int) (width / (Shape.Frame.NAME_SIZE * FRAME_NAME_CHAR_WIDTH));
        if (name.length() <= fits) {
            return name;
        }
        return fits <= 1 ? "" : name.substring(0, fits - 1) + "…";
    }

    private void text(Shape.Text shape) {
        Placement place = shape.place();
        double lineHeight = shape.fontSize() * shape.lineHeight();
        double baseline = place.y() + shape.face().baseline(shape.fontSize(), lineHeight);
        double x = shape.align().anchorX(place.x(), place.width());
        svg.start("text").attr("font-family", shape.face().css()).attr("font-size", shape.fontSize())
                .attr("fill", shape.style().stroke());
        if (shape.align() != TextAlign.LEFT) {
            svg.attr("text-anchor", shape.align().anchor());
        }
        svg.attr("xml:space", "preserve").open();
        for (int i = 0; i < shape.lines().size(); i++) {
            String line = shape.lines().get(i);
            if (!line.isEmpty()) {
                svg.start("tspan").attr("x", x).attr("y", baseline + i * lineHeight).open().text(line).end("tspan");
            }
        }
        svg.end("text");
    }

    private void linear(Shape.Linear shape) {
        Style style = shape.style();
        svg.start("polyline").points(shape.xy());
        paint(style, shape.closed() ? style.fill() : Colors.NONE);
        svg.attr("stroke-linecap", "round").attr("stroke-linejoin", "round").close();
        for (Head head : shape.heads()) {
            head(head, style);
        }
    }

    private void head(Head head, Style style) {
        switch (head.kind()) {
            case TRIANGLE, DIAMOND -> svg.start("polygon").points(head.outline()).attr("fill", style.stroke())
                    .attr("stroke", style.stroke()).attr("stroke-width", Math.min(style.strokeWidth(), 2))
                    .attr("stroke-linejoin", "round").close();
            case BAR -> svg.start("polyline").points(head.outline()).attr("fill", Colors.NONE)
                    .attr("stroke", style.stroke()).attr("stroke-width", style.strokeWidth())
                    .attr("stroke-linecap", "round").close();
            case DOT -> {
                double r = head.dotRadius();
                svg.start("circle").attr("cx", head.tipX() - head.dx() * r).attr("cy", head.tipY() - head.dy() * r)
                        .attr("r", r).attr("fill", style.stroke()).close();
            }
        }
    }

    private void freedraw(Shape.Freedraw shape) {
        Style style = shape.style();
        svg.start("polyline").points(shape.xy()).attr("fill", Colors.NONE).attr("stroke", style.stroke())
                .attr("stroke-width", style.strokeWidth() * FREEDRAW_WIDTH_FACTOR)
                .attr("stroke-linecap", "round").attr("stroke-linejoin", "round").close();
    }

    private void image(Shape.Image shape) {
        Placement p = shape.place();
        box("rect", p);
        svg.attr("fill", IMAGE_FILL).attr("stroke", IMAGE_STROKE).attr("stroke-width", 1).close();
        double size = Math.min(p.width(), p.height()) * 0.4;
        double left = p.centreX() - size / 2;
        double top = p.centreY() - size / 2;
        svg.start("circle").attr("cx", left + size * 0.7).attr("cy", top + size * 0.25).attr("r", size * 0.12)
                .attr("fill", IMAGE_GLYPH).close();
        svg.start("polygon").points(new double[] {left, top + size, left + size * 0.35, top + size * 0.4,
                left + size * 0.6, top + size * 0.75, left + size * 0.75, top + size * 0.6, left + size, top + size})
                .attr("fill", IMAGE_GLYPH).close();
    }

    private void box(String tag, Placement place) {
        svg.start(tag).attr("x", place.x()).attr("y", place.y())
                .attr("width", place.width()).attr("height", place.height());
    }

    private void paint(Style style, String fill) {
        svg.attr("fill", fill).attr("stroke", style.stroke()).attr("stroke-width", style.strokeWidth());
        style.dash().pattern(style.strokeWidth()).ifPresent(dashes -> svg.numbers("stroke-dasharray", dashes));
    }
}
