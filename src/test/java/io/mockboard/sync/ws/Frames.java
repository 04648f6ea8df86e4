package io.mockboard.sync.ws;

import java.util.List;
import java.util.Map;

/** Client frames for endpoint tests, as the browser client sends them. */
public final class Frames {
    private Frames() {}

    public static Map<String, Object> hello(String clientId, long lastSeq) {
        return Map.of("t", "hello", "protocol", 1, "clientId", clientId, "lastSeq", lastSeq);
    }

    public static Map<String, Object> push(long clientSeq, Map<String, Object> element) {
        return Map.of("t", "push", "clientSeq", clientSeq, "elements", List.of(element));
    }

    /** A rectangle as Excalidraw 0.18 serializes it. */
    public static Map<String, Object> rectangle(String id, int version, int x) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("type", "rectangle"), Map.entry("x", x), Map.entry("y", 40),
                Map.entry("width", 120), Map.entry("height", 80), Map.entry("angle", 0), Map.entry("strokeColor", "#1e1e1e"),
                Map.entry("backgroundColor", "transparent"), Map.entry("fillStyle", "solid"), Map.entry("strokeWidth", 2),
                Map.entry("strokeStyle", "solid"), Map.entry("roughness", 1), Map.entry("opacity", 100),
                Map.entry("groupIds", List.of()), Map.entry("index", "a" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(id.length() % 62)),
                Map.entry("roundness", Map.of("type", 3)), Map.entry("seed", 1_234 + x), Map.entry("version", version),
                Map.entry("versionNonce", 99_000 + version), Map.entry("isDeleted", false), Map.entry("boundElements", List.of()),
                Map.entry("updated", 1_732_000_000_000L), Map.entry("link", ""), Map.entry("locked", false));
    }
}
