package io.mockboard.template.render;

import java.util.List;

/** A drawable element, read and checked; everything in it is safe to write into SVG. */
sealed interface Shape {

    Placement place();

    Style style();

    /** Extends {@code bounds} to everything this shape draws. */
    default void addTo(Bounds bounds) {
        bounds.addBox(place());
    }

    /** A rectangle; {@code radius} 0 for sharp corners. */
    record Rectangle(Placement place, Style style, double radius) implements Shape {
    }

    record Ellipse(Placement place, Style style) implements Shape {
    }

    record Diamond(Placement place, Style style) implements Shape {
    }

    /** A frame: a thin rounded outline with its name above the top-left corner. */
    record Frame(Placement place, Style style, String name) implements Shape {

        static final double RADIUS = 8;
        static final double NAME_SIZE = 14;
        static final double NAME_GAP = 3;
        static final double NAME_LINE = NAME_SIZE * 1.25;

        @Override
        public void addTo(Bounds bounds) {
            bounds.addBox(place);
            bounds.add(place, place.x(), place.y() - NAME_GAP - NAME_LINE);
        }
    }

    /** Lines of text laid out in the element's own box. */
    record Text(Placement place, Style style, List<String> lines, FontFace face, double fontSize,
            double lineHeight, TextAlign align) implements Shape {
    }

    /**
     * An arrow or line through absolute points {@code xy}; {@code closed} lines are filled like
     * polygons.
     */
    record Linear(Placement place, Style style, double[] xy, boolean closed, List<Head> heads) implements Shape {

        @Override
        public void addTo(Bounds bounds) {
            addPoints(bounds, place, xy);
            heads.forEach(head -> addPoints(bounds, place, head.outline()));
        }
    }

    /** A freehand stroke through absolute points {@code xy}. */
    record Freedraw(Placement place, Style style, double[] xy) implements Shape {

        @Override
        public void addTo(Bounds bounds) {
            addPoints(bounds, place, xy);
        }
    }

    /** An image, drawn as a placeholder: the picture itself is not embedded. */
    record Image(Placement place, Style style) implements Shape {
    }

    private static void addPoints(Bounds bounds, Placement place, double[] xy) {
        for (int i = 0; i < xy.length; i += 2) {
            bounds.add(place, xy[i], xy[i + 1]);
        }
    }
}
