package com.voxanne.ops.shell;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.signin.SignedIn;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The signed-in window: who is signed in and to what, the theme switch, sign-out, and the workspace. */
public final class MainView extends BorderPane {

    private final java.util.Map<String, ToggleButton> tabs = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Workspace> workspaces = new java.util.LinkedHashMap<>();
    private final javafx.beans.property.StringProperty current = new javafx.beans.property.SimpleStringProperty(this, "current");

    public MainView(SignedIn signedIn, java.util.List<Workspace> pages, Runnable toggleTheme, Runnable signOut) {
        this(signedIn, pages, toggleTheme, signOut, signOut);
    }

    /** @param signOutAndForget signs out and clears what this console cached for the person */
    public MainView(SignedIn signedIn, java.util.List<Workspace> pages, Runnable toggleTheme, Runnable signOut, Runnable signOutAndForget) {
        setId("mainView");
        ToggleGroup group = new ToggleGroup();
        HBox nav = new HBox(4);
        nav.getStyleClass().add("workspace-nav");
        for (Workspace w : pages) {
            ToggleButton tab = new ToggleButton(w.title(), new FontIcon(w.icon()));
            tab.setId("nav-" + w.id());
            tab.setToggleGroup(group);
            tab.getStyleClass().add(Styles.FLAT);
            tab.setOnAction(e -> show(w.id()));
            tabs.put(w.id(), tab);
            workspaces.put(w.id(), w);
            nav.getChildren().add(tab);
        }
        // A tab cannot be un-selected by clicking it again: one workspace is always shown.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Label app = new Label("Voxanne Ops Console", new FontIcon(Material2OutlinedAL.HEADSET_MIC));
        app.getStyleClass().addAll(Styles.TITLE_4, "app-title");

        var s = signedIn.session();
        Label person = new Label(s.fullName() == null ? s.email() : s.fullName());
        person.setId("signedInPerson");
        person.getStyleClass().add(Styles.TEXT_BOLD);
        Label org = new Label(s.orgName());
        org.setId("signedInOrganization");
        org.getStyleClass().add(Styles.TEXT_MUTED);
        Label role = new Label(s.role());
        role.setId("signedInRole");
        role.getStyleClass().addAll("pill", "role-" + s.role());
        role.setTooltip(new Tooltip(switch (s.role()) {
            case "admin" -> "Admin: reads everything of the organization, manages people, tools and flags.";
            case "manager" -> "Manager: reads the organization's calls and changes appointments, contacts and alerts.";
            default -> "User: reads the organization's calls, contacts and appointments.";
        }));
        VBox who = new VBox(0, person, org);
        who.setAlignment(Pos.CENTER_RIGHT);
        Label demo = new Label(signedIn.badge());
        demo.setId("workspaceBadge");
        // Long badges (an unknown signer's fingerprint) are cut in the header and whole in the tooltip.
        demo.setMaxWidth(320);
        demo.setTooltip(new Tooltip(signedIn.badge()));
        demo.getStyleClass().addAll("pill", "demo-badge");
        demo.setVisible(!signedIn.live());
        demo.setManaged(!signedIn.live());

        Button theme = new Button(null, new FontIcon(Material2AL.BRIGHTNESS_6));
        theme.setId("toggleTheme");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Switch between light and dark"));
        theme.setOnAction(e -> toggleTheme.run());
        javafx.scene.control.SplitMenuButton out = new javafx.scene.control.SplitMenuButton();
        out.setText("Sign out");
        out.setGraphic(new FontIcon(Material2AL.EXIT_TO_APP));
        out.setId("signOut");
        out.getStyleClass().add(Styles.FLAT);
        out.setOnAction(e -> signOut.run());
        javafx.scene.control.MenuItem forget = new javafx.scene.control.MenuItem("Sign out and clear cached data from this computer");
        forget.setId("signOutAndForget");
        forget.setOnAction(e -> signOutAndForget.run());
        out.getItems().add(forget);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, app, demo, nav, grow, who, role, theme, out);
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        Label banner = new Label("The connection to the database is lost. What you see stays readable; the console reconnects by itself.",
                new FontIcon(Material2MZ.SYNC_PROBLEM));
        banner.setId("connectionBanner");
        banner.getStyleClass().add("connection-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(8, 16, 8, 16));
        banner.setVisible(false);
        banner.setManaged(false);
        this.banner = banner;
        this.badge = demo;
        top = new VBox(header, banner);
        setTop(top);
        show(pages.get(0).id());
    }

    private final Label banner;
    private final Label badge;
    private final VBox top;

    /** Changes the header badge (a reviewed bundle's signer became trusted). */
    public void setBadge(String text) {
        badge.setText(text);
        badge.setTooltip(new Tooltip(text));
    }

    /** Shows a notice under the header until it removes itself (for example the unknown-signer notice). */
    public void showNotice(javafx.scene.Node notice) {
        top.getChildren().add(1, notice);
    }

    public void removeNotice(javafx.scene.Node notice) {
        top.getChildren().remove(notice);
    }

    /** Shows or hides the lost-connection banner. */
    public void bindOnline(javafx.beans.value.ObservableBooleanValue online) {
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.not(online));
        banner.managedProperty().bind(banner.visibleProperty());
    }

    /** Shows a workspace by id (unknown ids are ignored, so a remembered one from an older version is harmless). */
    public void show(String id) {
        Workspace w = workspaces.get(id);
        if (w == null) {
            return;
        }
        tabs.get(id).setSelected(true);
        setCenter(w.view());
        current.set(id);
    }

    public javafx.beans.property.ReadOnlyStringProperty currentProperty() {
        return current;
    }
}
