package io.mockboard.template.render;

/**
 * Appends SVG markup. Every attribute value and every piece of text passes through XML escaping, and
 * characters XML cannot hold are dropped, so whatever the strings contain the document stays
 * well-formed. Numbers are written with at most two decimals and no locale.
 */
final class SvgWriter {

    private final StringBuilder out;

    SvgWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Opens a start tag: {@code <tag}. */
    SvgWriter start(String tag) {
        out.append('<').append(tag);
        return this;
    }

    SvgWriter attr(String name, double value) {
        out.append(' ').append(name).append("=\"");
        number(out, value);
        out.append('"');
        return this;
    }

    SvgWriter attr(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(out, value);
        out.append('"');
        return this;
    }

    /** An attribute holding numbers separated by spaces, such as a {@code viewBox} or dash pattern. */
    SvgWriter numbers(String name, double... values) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            number(out, values[i]);
        }
        out.append('"');
        return this;
    }

    /** A {@code transform} turning the element {@code degrees} clockwise about ({@code cx}, {@code cy}). */
    SvgWriter rotate(double degrees, double cx, double cy) {
        out.append(" transform=\"rotate(");
        number(out, degrees);
        out.append(' ');
        number(out, cx);
        out.append(' ');
        number(out, cy);
        out.append(")\"");
        return this;
    }

    /** A {@code points} attribute from {@code xy} pairs. */
    SvgWriter points(double[] xy) {
        out.append(" points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            number(out, xy[i]);
            out.append(',');
            number(out, xy[i + 1]);
        }
        out.append('"');
        return this;
    }

    /** Ends a start tag that has content: {@code >}. */
    SvgWriter open() {
        out.append('>');
        return this;
    }

    /** Ends an empty element: {@code />}. */
    SvgWriter close() {
        out.append("/>");
        return this;
    }

    /** Text content, escaped. */
    SvgWriter text(String text) {
        escape(out, text);
        return this;
    }

    /** An end tag: {@code </tag>}. */
    SvgWriter end(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code value} rounded to two decimals, without trailing zeros or a negative zero. */
    static String format(double value) {
        StringBuilder text = new StringBuilder(12);
        number(text, value);
        return text.toString();
    }

    private static void number(StringBuilder out, double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100);
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            out.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                out.append(fraction % 10);
            }
        }
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
