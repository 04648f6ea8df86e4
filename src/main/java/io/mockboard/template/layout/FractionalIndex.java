package io.mockboard.template.layout;

/**
 * Excalidraw's fractional {@code index} for the n-th element of a fresh scene: integer keys of the
 * fractional-indexing scheme, "a0".."az" then "b00".."bzz", increasing in element order.
 */
final class FractionalIndex {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private FractionalIndex() {
    }

    static String of(int position) {
        if (position < 0 || position >= BASE + BASE * BASE) {
            throw new IllegalArgumentException("no index for position " + position);
        }
        if (position < BASE) {
            return "a" + DIGITS.charAt(position);
        }
        int rest = position - BASE;
        return "b" + DIGITS.charAt(rest / BASE) + DIGITS.charAt(rest % BASE);
    }
}
