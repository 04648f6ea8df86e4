package io.mockboard.template.render;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Excalidraw element types drawn. Others (embeddables, iframes, anything new) are left out. */
enum ElementType {
    RECTANGLE("rectangle"), ELLIPSE("ellipse"), DIAMOND("diamond"), FRAME("frame"), MAGIC_FRAME("magicframe"),
    TEXT("text"), ARROW("arrow"), LINE("line"), FREEDRAW("freedraw"), IMAGE("image");

    private static final Map<String, ElementType> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wire, Function.identity()));

    private final String wire;

    ElementType(String wire) {
        this.wire = wire;
    }

    /** The type an element's {@code type} field names, if drawn. */
    static Optional<ElementType> of(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }
}
