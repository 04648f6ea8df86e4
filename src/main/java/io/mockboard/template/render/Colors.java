package io.mockboard.template.render;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Colour values from element JSON, admitted only when they match a pattern that cannot carry anything
 * but a colour: {@code #hex}, {@code rgb(…)}/{@code rgba(…)} with plain numbers, or a CSS colour name.
 */
final class Colors {

    static final String NONE = "none";

    private static final int MAX_LENGTH = 64;
    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})");
    private static final String CHANNEL = "\\s*\\d{1,3}(?:\\.\\d{1,4})?%?\\s*";
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(" + CHANNEL + "," + CHANNEL + "," + CHANNEL + "(?:," + CHANNEL + ")?\\)");
    private static final Pattern NAMED = Pattern.compile("[a-z]{3,30}");

    private Colors() {
    }

    /** A stroke colour: {@code raw} if safe ({@code transparent} is no stroke), else {@code fallback}. */
    static String stroke(String raw, String fallback) {
        return safe(raw).orElse(fallback);
    }

    /** A fill colour: {@code raw} if safe, else no fill. */
    static String fill(String raw) {
        return safe(raw).orElse(NONE);
    }

    /** {@code raw} normalised to lower case if it is a safe colour; {@code transparent} becomes {@code none}. */
    static Optional<String> safe(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String colour = raw.strip().toLowerCase(Locale.ROOT);
        if (colour.equals("transparent")) {
            return Optional.of(NONE);
        }
        boolean valid = HEX.matcher(colour).matches() || RGB.matcher(colour).matches()
                || NAMED.matcher(colour).matches();
        return valid ? Optional.of(colour) : Optional.empty();
    }
}
