package io.mockboard.template.layout;

import io.mockboard.template.ComponentKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A grid of cells inside a frame; each cell holds one component or one caption, centred in the cell.
 * Rows and columns count from 0; the grid is as large as its farthest cell. Empty cells are fine (and
 * give arrows room to run).
 */
public final class GridBuilder implements FrameItem {

    private record Cell(int row, int column) {
    }

    private record Caption(Cell cell, TextItem text) {
    }

    private final FrameBuilder frame;
    private final SceneBuilder scene;
    private final Set<Cell> taken = new HashSet<>();
    private final List<Component> components = new ArrayList<>();
    private final List<Cell> componentCells = new ArrayList<>();
    private final List<Caption> captions = new ArrayList<>();

    GridBuilder(FrameBuilder frame, SceneBuilder scene) {
        this.frame = frame;
        this.scene = scene;
    }

    /** Puts a component of {@code kind} labelled {@code label} in the cell. */
    public Component place(int row, int column, ComponentKind kind, String label) {
        Cell cell = take(row, column);
        Component component = new Component(scene.nextId(), scene.nextId(), kind, label, frame);
        components.add(component);
        componentCells.add(cell);
        return component;
    }

    /** Puts a short free-text caption (such as a lane name) in the cell, left-aligned. */
    public GridBuilder caption(int row, int column, String text) {
        Cell cell = take(row, column);
        captions.add(new Caption(cell, new TextItem(scene.nextId(), text, Font.CAPTION, Paint.GUIDE,
                Spacing.CELL_WIDTH - 40)));
        return this;
    }

    /** Back to the frame. */
    public FrameBuilder end() {
        return frame;
    }

    List<Component> components() {
        return components;
    }

    List<TextItem> captions() {
        return captions.stream().map(Caption::text).toList();
    }

    @Override
    public double minWidth() {
        int columns = taken.stream().mapToInt(Cell::column).max().orElse(-1) + 1;
        return columns * Spacing.CELL_WIDTH;
    }

    @Override
    public double height(double contentWidth) {
        int rows = taken.stream().mapToInt(Cell::row).max().orElse(-1) + 1;
        return rows * Spacing.CELL_HEIGHT;
    }

    @Override
    public void place(double x, double y, double contentWidth) {
        for (int i = 0; i < components.size(); i++) {
            Cell cell = componentCells.get(i);
            components.get(i).centreOn(x + (cell.column() + 0.5) * Spacing.CELL_WIDTH,
                    y + (cell.row() + 0.5) * Spacing.CELL_HEIGHT);
        }
        for (Caption caption : captions) {
            caption.text().placeCentredOn(x + caption.cell().column() * Spacing.CELL_WIDTH + 20,
                    y + (caption.cell().row() + 0.5) * Spacing.CELL_HEIGHT, Spacing.CELL_WIDTH - 40);
        }
    }

    private Cell take(int row, int column) {
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("cells count from 0: " + row + "," + column);
        }
        Cell cell = new Cell(row, column);
        if (!taken.add(cell)) {
            throw new IllegalArgumentException("cell " + row + "," + column + " of frame '" + frame.name()
                    + "' is taken");
        }
        return cell;
    }
}
