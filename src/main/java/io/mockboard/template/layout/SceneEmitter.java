package io.mockboard.template.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Turns laid-out items into element JSON in z-order and gives each its fractional index. */
final class SceneEmitter {

    private final List<ObjectNode> elements = new ArrayList<>();

    List<ObjectNode> elements() {
        return elements;
    }

    void text(TextItem text, String frameId) {
        add(ElementJson.text(text.id(), text.box(), text.font(), text.lines(), String.join("\n", text.lines()),
                false, null, frameId, text.paint()));
    }

    void component(Component c) {
        ComponentStyle style = c.style();
        String frameId = c.frame() == null ? null : c.frame().id();
        ObjectNode shape = ElementJson.base(c.id(), style.shape().wire(), c.box(), style.paint(),
                style.shape().roundness(ElementJson.JSON), frameId);
        ArrayNode bound = shape.putArray("boundElements");
        bound.add(ElementJson.boundRef("text", c.labelId()));
        c.arrowIds().forEach(arrowId -> bound.add(ElementJson.boundRef("arrow", arrowId)));
        shape.set("customData", ElementJson.JSON.objectNode().put("kind", c.kind().wire()));
        add(shape);
        add(ElementJson.text(c.labelId(), c.labelBox(), Font.LABEL, c.lines(), c.label(), true, c.id(),
                frameId, Paint.TEXT));
    }

    void arrow(Connection connection) {
        Component from = connection.from();
        Component to = connection.to();
        ObjectNode arrow = ElementJson.arrow(connection.id(), ArrowPath.between(from, to, connection.route()),
                from.id(), to.id(), Spacing.BINDING_GAP, connection.frameId());
        ObjectNode flow = ElementJson.JSON.objectNode().put("from", from.kind().wire()).put("to", to.kind().wire());
        arrow.set("customData", ElementJson.JSON.objectNode().set("flow", flow));
        add(arrow);
    }

    void frame(FrameBuilder frame) {
        add(ElementJson.frame(frame.id(), frame.box(), frame.name(), frame.step()));
    }

    private void add(ObjectNode element) {
        element.put("index", FractionalIndex.of(elements.size()));
        elements.add(element);
    }
}
