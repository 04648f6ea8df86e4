package io.mockboard.template.layout;

import io.mockboard.template.ComponentKind;

/** One typed component on its own, outside any frame, with its top-left corner at the origin. */
public final class Standalone {

    private Standalone() {
    }

    /** The shape and its bound label, with ids starting with {@code slug}. */
    public static Scene component(String slug, ComponentKind kind, String label) {
        Ids ids = new Ids(slug);
        Component component = new Component(ids.next(), ids.next(), kind, label, null);
        component.centreOn(component.style().width() / 2, component.style().height() / 2);
        SceneEmitter out = new SceneEmitter();
        out.component(component);
        return new Scene(out.elements());
    }
}
