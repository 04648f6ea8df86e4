package io.mockboard.template.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one Excalidraw scene: header text at the top, then frames in rows (left to right, wrapping
 * after {@link #framesPerRow(int)} or at {@link #newRow()}), then arrows between components.
 *
 * <pre>{@code
 * SceneBuilder scene = SceneBuilder.create("block-two-stage");
 * GridBuilder grid = scene.frame("Two-stage ranking", "serving").grid();
 * Component retrieval = grid.place(0, 0, ComponentKind.CANDIDATE_GENERATION, "Candidate generation");
 * Component ranking = grid.place(0, 1, ComponentKind.RANKING_SERVICE, "Ranking");
 * scene.connect(retrieval, ranking);
 * Scene built = scene.build();
 * }</pre>
 */
public final class SceneBuilder {

    private final Ids ids;
    private final List<TextItem> header = new ArrayList<>();
    private final List<FrameBuilder> frames = new ArrayList<>();
    private final Set<FrameBuilder> startsRow = new HashSet<>();
    private final List<Connection> connections = new ArrayList<>();
    private boolean breakBeforeNext;
    private int framesPerRow = 4;
    private double frameWidth = 720;
    private double headerWidth = 1600;

    private SceneBuilder(String slug) {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,55}")) {
            throw new IllegalArgumentException("a slug is 1..56 chars of a-z, 0-9 and '-': " + slug);
        }
        this.ids = new Ids(slug);
    }

    /** A scene whose element ids start with {@code slug}. */
    public static SceneBuilder create(String slug) {
        return new SceneBuilder(slug);
    }

    public SceneBuilder framesPerRow(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one frame per row");
        }
        this.framesPerRow = count;
        return this;
    }

    /** The least width of a frame (content can make it wider). */
    public SceneBuilder frameWidth(double width) {
        this.frameWidth = width;
        return this;
    }

    /** The width header text wraps at. */
    public SceneBuilder headerWidth(double width) {
        this.headerWidth = width;
        return this;
    }

    /** A title line at the top of the scene (36 px). */
    public SceneBuilder title(String text) {
        header.add(new TextItem(nextId(), text, Font.TITLE, Paint.TEXT, Double.POSITIVE_INFINITY));
        return this;
    }

    /** A paragraph below the title (20 px). */
    public SceneBuilder paragraph(String text) {
        header.add(new TextItem(nextId(), text, Font.PROSE, Paint.TEXT, Double.POSITIVE_INFINITY));
        return this;
    }

    /** The next frame starts a new row. */
    public SceneBuilder newRow() {
        breakBeforeNext = true;
        return this;
    }

    /** A new frame named {@code name} (shown by Excalidraw) for framework step {@code step}. */
    public FrameBuilder frame(String name, String step) {
        FrameBuilder frame = new FrameBuilder(this, nextId(), name, step);
        if (breakBeforeNext) {
            startsRow.add(frame);
            breakBeforeNext = false;
        }
        frames.add(frame);
        return frame;
    }

    /** A straight arrow from {@code from} to {@code to}. */
    public SceneBuilder connect(Component from, Component to) {
        return connect(from, to, Route.STRAIGHT);
    }

    /** An arrow from {@code from} to {@code to} along {@code route}. */
    public SceneBuilder connect(Component from, Component to, Route route) {
        if (from == to) {
            throw new IllegalArgumentException("an arrow needs two different components");
        }
        if (!frames.contains(from.frame()) || !frames.contains(to.frame())) {
            throw new IllegalArgumentException("both components must belong to this scene");
        }
        Connection connection = new Connection(nextId(), from, to, route);
        from.arrowIds().add(connection.id());
        to.arrowIds().add(connection.id());
        connections.add(connection);
        return this;
    }

    /** Lays everything out and returns the elements. */
    public Scene build() {
        double y = layoutHeader();
        for (List<FrameBuilder> row : rows()) {
            row.forEach(frame -> frame.measure(frameWidth));
            double height = row.stream().mapToDouble(FrameBuilder::naturalHeight).max().orElse(0);
            double x = 0;
            for (FrameBuilder frame : row) {
                frame.place(x, y, height);
                x += frame.width() + Spacing.FRAME_GAP_X;
            }
            y += height + Spacing.FRAME_GAP_Y;
        }
        return emit();
    }

    String nextId() {
        return ids.next();
    }

    private double layoutHeader() {
        double y = 0;
        for (TextItem text : header) {
            double height = text.height(headerWidth);
            text.place(0, y, headerWidth);
            y += height + Spacing.HEADER_LINE_GAP;
        }
        return header.isEmpty() ? 0 : y - Spacing.HEADER_LINE_GAP + Spacing.HEADER_GAP;
    }

    private List<List<FrameBuilder>> rows() {
        List<List<FrameBuilder>> rows = new ArrayList<>();
        for (FrameBuilder frame : frames) {
            if (rows.isEmpty() || rows.getLast().size() == framesPerRow || startsRow.contains(frame)) {
                rows.add(new ArrayList<>());
            }
            rows.getLast().add(frame);
        }
        return rows;
    }

    private Scene emit() {
        SceneEmitter out = new SceneEmitter();
        header.forEach(text -> out.text(text, null));
        for (FrameBuilder frame : frames) {
            emitFrame(frame, out);
        }
        connections.stream().filter(c -> c.frameId() == null).forEach(out::arrow);
        return new Scene(out.elements());
    }

    private void emitFrame(FrameBuilder frame, SceneEmitter out) {
        for (FrameItem item : frame.items()) {
            switch (item) {
                case TextItem text -> out.text(text, frame.id());
                case GridBuilder grid -> {
                    grid.captions().forEach(text -> out.text(text, frame.id()));
                    grid.components().forEach(out::component);
                }
                case FrameItem.Space space -> {
                    // empty room
                }
            }
        }
        connections.stream().filter(c -> frame.id().equals(c.frameId())).forEach(out::arrow);
        out.frame(frame);
    }
}
