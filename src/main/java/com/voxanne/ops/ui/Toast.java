package com.voxanne.ops.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A small pop-up card inside the window's corner: a title, two lines at most, a link to what it
 * is about and a close button. It is a node of the window (not a separate stage), so it never
 * covers another program and moves with the window.
 */
public final class Toast extends VBox {

    /** Wide enough for a caller's name and a reason on two lines, narrow enough for a laptop's corner. */
    public static final double WIDTH = 340;

    private final Label title = new Label();
    private final Label text = new Label();
    private final Hyperlink open = new Hyperlink();
    private Runnable onOpen = () -> { };
    private Runnable onClose = () -> { };

    public Toast(String openText) {
        getStyleClass().add("toast");
        setId("toast");
        setSpacing(4);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        setMaxHeight(Region.USE_PREF_SIZE);
        title.setId("toastTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setGraphic(new FontIcon(Material2MZ.NOTIFICATIONS_ACTIVE));
        title.setMaxWidth(WIDTH - 60);
        text.setId("toastText");
        text.setWrapText(true);
        // Two lines: the whole reason is one click away in the alerts workspace.
        text.setMaxHeight(Region.USE_PREF_SIZE);
        text.setPrefHeight(Region.USE_COMPUTED_SIZE);
        text.setMaxWidth(WIDTH - 24);
        text.getStyleClass().add("toast-text");
        open.setText(openText);
        open.setId("toastOpen");
        open.setOnAction(e -> onOpen.run());
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("toastClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, text, open);
    }

    public void show(String titleText, String body) {
        title.setText(titleText);
        text.setText(body);
    }

    public void setOnOpen(Runnable onOpen) {
        this.onOpen = onOpen;
    }

    public void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    public String title() {
        return title.getText();
    }

    public String text() {
        return text.getText();
    }
}
