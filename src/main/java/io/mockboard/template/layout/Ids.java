package io.mockboard.template.layout;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic element ids ({@code <slug>-<n>}) and the random-looking numbers Excalidraw wants per
 * element ({@code seed}, {@code versionNonce}), derived from the id by FNV-1a so they never change
 * between builds.
 */
final class Ids {

    private final String prefix;
    private int next = 1;

    Ids(String prefix) {
        this.prefix = prefix;
    }

    String next() {
        return prefix + "-" + String.format("%03d", next++);
    }

    /** Excalidraw's roughjs seed: a positive 31-bit integer. */
    static int seed(String id) {
        return positive(fnv1a(id));
    }

    /** A positive 31-bit nonce, independent of the seed. */
    static int nonce(String id) {
        return positive(fnv1a(id + "#nonce"));
    }

    private static int positive(int hash) {
        int value = hash & 0x7fffffff;
        return value == 0 ? 1 : value;
    }

    private static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
