package org.jobdeck.ui.graph;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * A clipped window onto a drawing: drag or scroll to pan, Ctrl+wheel (or pinch) to zoom about
 * the pointer, {@link #fit()} to show it whole. The drawing keeps its 100% coordinates; only
 * this viewport's transform (translate, then scale) changes.
 */
final class GraphViewport extends Region {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;
    static final double STEP = 1.25;
    private static final double MAX_FIT_ZOOM = 1;
    private static final double FIT_MARGIN = 16;

    private final Group world = new Group();
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private Node content;
    private boolean fitPending;
    private double dragX;
    private double dragY;
    private double dragStartX;
    private double dragStartY;

    GraphViewport() {
        getStyleClass().add("graph-viewport");
        world.getTransforms().addAll(translate, scale);
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::startDrag);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
        addEventHandler(ScrollEvent.SCROLL, this::scroll);
        addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
    }

    void setContent(Node node) {
        content = node;
        world.getChildren().setAll(node);
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    void zoomIn() {
        zoomAt(STEP, getWidth() / 2, getHeight() / 2);
    }

    void zoomOut() {
        zoomAt(1 / STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by {@code factor}, keeping the drawing's point under (x, y) where it is. */
    void zoomAt(double factor, double x, double y) {
        double old = zoom.get();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        double contentX = (x - translate.getX()) / old;
        double contentY = (y - translate.getY()) / old;
        setZoom(next);
        translate.setX(x - contentX * next);
        translate.setY(y - contentY * next);
    }

    /** Shows the whole drawing centred (never above 100%); waits for a size if there is none. */
    void fit() {
        if (content == null) {
            return;
        }
        double width = getWidth() - 2 * FIT_MARGIN;
        double height = getHeight() - 2 * FIT_MARGIN;
        if (width <= 0 || height <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false;
        world.applyCss();
        world.layout();
        double contentWidth = Math.max(1, content.getLayoutBounds().getWidth());
        double contentHeight = Math.max(1, content.getLayoutBounds().getHeight());
        double next = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, Math.min(width / contentWidth, height / contentHeight)));
        setZoom(next);
        translate.setX((getWidth() - contentWidth * next) / 2);
        translate.setY((getHeight() - contentHeight * next) / 2);
    }

    private void setZoom(double value) {
        zoom.set(value);
        scale.setX(value);
        scale.setY(value);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitPending && getWidth() > 2 * FIT_MARGIN && getHeight() > 2 * FIT_MARGIN) {
            fit();
        }
    }

    // The drawing decides nothing about the viewport's size: the window does.
    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private void startDrag(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY || event.getButton() == MouseButton.MIDDLE) {
            dragX = event.getX();
            dragY = event.getY();
            dragStartX = translate.getX();
            dragStartY = translate.getY();
        }
    }

    private void drag(MouseEvent event) {
        if (event.isPrimaryButtonDown() || event.isMiddleButtonDown()) {
            setCursor(Cursor.CLOSED_HAND);
            translate.setX(dragStartX + event.getX() - dragX);
            translate.setY(dragStartY + event.getY() - dragY);
        }
    }

    private void scroll(ScrollEvent event) {
        if (event.isControlDown() || event.isShortcutDown()) {
            if (event.getDeltaY() != 0) {
                zoomAt(event.getDeltaY() > 0 ? 1.1 : 1 / 1.1, event.getX(), event.getY());
            }
        } else {
            translate.setX(translate.getX() + event.getDeltaX());
            translate.setY(translate.getY() + event.getDeltaY());
        }
        event.consume();
    }
}
