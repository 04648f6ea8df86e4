package io.mockboard.template.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates text extents without a browser. Widths err on the wide side, so text laid out here still
 * fits when Excalidraw measures it with the real font (it re-wraps labels inside their shapes).
 */
final class TextMetrics {

    private static final String NARROW = "ilj.,:;'|!()[]{}`\"";
    private static final String WIDE = "mwMW@%";

    private TextMetrics() {
    }

    static double width(String line, Font font) {
        double em = 0;
        for (int i = 0; i < line.length(); i++) {
            em += advance(line.charAt(i));
        }
        return em * font.size();
    }

    static double blockWidth(List<String> lines, Font font) {
        return lines.stream().mapToDouble(line -> width(line, font)).max().orElse(0);
    }

    static double blockHeight(List<String> lines, Font font) {
        return lines.size() * font.linePx();
    }

    /**
     * Breaks {@code text} into lines no wider than {@code maxWidth}; explicit newlines are kept. A line
     * starting with "• " continues with a hanging indent. A single word wider than the limit throws.
     */
    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, font, maxWidth, lines);
        }
        return List.copyOf(lines);
    }

    private static void wrapParagraph(String paragraph, Font font, double maxWidth, List<String> out) {
        String indent = paragraph.startsWith("• ") ? "   " : "";
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.isEmpty() || width(indent + word, font) > maxWidth) {
                throw new IllegalArgumentException("'" + word + "' does not fit in " + maxWidth + " px");
            }
            out.add(line.toString());
            line.setLength(0);
            line.append(indent).append(word);
        }
        out.add(line.toString());
    }

    private static double advance(char c) {
        if (c == ' ') {
            return 0.3;
        }
        if (NARROW.indexOf(c) >= 0) {
            return 0.34;
        }
        if (WIDE.indexOf(c) >= 0) {
            return 0.92;
        }
        if (Character.isUpperCase(c)) {
            return 0.72;
        }
        return 0.62;
    }
}
