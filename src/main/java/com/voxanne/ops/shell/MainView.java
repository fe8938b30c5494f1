package com.voxanne.ops.shell;

import com.voxanne.ops.ui.ListKeys;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.voxanne.ops.signin.SignedIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
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

/**
 * The signed-in window: a header with who is signed in and to what, the menu, the theme switch and
 * sign-out; the workspaces in a rail on the left (room for as many as the organization's roles
 * open); the chosen workspace in the middle.
 */
public final class MainView extends BorderPane {

    private final Map<String, ToggleButton> tabs = new LinkedHashMap<>();
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final StringProperty current = new SimpleStringProperty(this, "current");
    private final MenuButton fileMenu = new MenuButton();
    private final java.util.Set<String> shown = new java.util.HashSet<>();
    private final Label banner;
    private final Label storageNotice;
    private final Label badge;
    private final VBox top;
    /** The workspace on screen, with the pop-up layer over its bottom-right corner. */
    private final javafx.scene.layout.StackPane middle = new javafx.scene.layout.StackPane(new Region());
    private final VBox popUps = new VBox(8);

    /** @param signOutAndForget signs out and clears what this console cached for the person */
    public MainView(SignedIn signedIn, List<Workspace> pages, Runnable toggleTheme, Runnable signOut, Runnable signOutAndForget) {
        setId("mainView");
        installSearchKey();
        badge = headerBadge(signedIn);
        banner = connectionBanner();
        storageNotice = storageNotice();
        top = new VBox(header(signedIn, toggleTheme, signOut, signOutAndForget), banner, storageNotice);
        setTop(top);
        setLeft(navigation(pages));
        // The pop-up layer lets clicks through wherever no pop-up is.
        popUps.setPickOnBounds(false);
        popUps.setAlignment(Pos.BOTTOM_RIGHT);
        popUps.setPadding(new Insets(16));
        popUps.setMouseTransparent(false);
        middle.getChildren().add(popUps);
        setCenter(middle);
        show(pages.get(0).id());
    }

    private HBox header(SignedIn signedIn, Runnable toggleTheme, Runnable signOut, Runnable signOutAndForget) {
        fileMenu.setGraphic(new FontIcon(Material2MZ.MENU));
        fileMenu.setId("fileMenu");
        fileMenu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW);
        fileMenu.setTooltip(new Tooltip("Open a bundle, export, keyboard shortcuts"));
        fileMenu.setVisible(false);
        fileMenu.setManaged(false);

        Label app = new Label("Voxanne Ops Console", new FontIcon(Material2OutlinedAL.HEADSET_MIC));
        app.getStyleClass().addAll(Styles.TITLE_4, "app-title");
        app.setMinWidth(Region.USE_PREF_SIZE);

        var s = signedIn.session();
        Label person = new Label(s.fullName() == null ? s.email() : s.fullName());
        person.setId("signedInPerson");
        person.getStyleClass().add(Styles.TEXT_BOLD);
        Label org = new Label(s.orgName());
        org.setId("signedInOrganization");
        org.getStyleClass().add(Styles.TEXT_MUTED);
        VBox who = new VBox(0, person, org);
        who.setAlignment(Pos.CENTER_RIGHT);
        who.setMinWidth(Region.USE_PREF_SIZE);
        Label role = new Label(s.role());
        role.setId("signedInRole");
        role.getStyleClass().addAll("pill", "role-" + s.role());
        role.setMinWidth(Region.USE_PREF_SIZE);
        role.setTooltip(new Tooltip(switch (s.role()) {
            case "admin" -> "Admin: reads everything of the organization, manages people, tools and flags.";
            case "manager" -> "Manager: reads the organization's calls and changes appointments, contacts and alerts.";
            default -> "User: reads the organization's calls, contacts and appointments.";
        }));

        Button theme = new Button(null, new FontIcon(Material2AL.BRIGHTNESS_6));
        theme.setId("toggleTheme");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Switch between light and dark"));
        theme.setOnAction(e -> toggleTheme.run());
        SplitMenuButton out = new SplitMenuButton();
        out.setText("Sign out");
        out.setGraphic(new FontIcon(Material2AL.EXIT_TO_APP));
        out.setId("signOut");
        out.getStyleClass().add(Styles.FLAT);
        out.setMinWidth(Region.USE_PREF_SIZE);
        out.setOnAction(e -> signOut.run());
        MenuItem forget = new MenuItem("Sign out and clear cached data from this computer");
        forget.setId("signOutAndForget");
        forget.setOnAction(e -> signOutAndForget.run());
        out.getItems().add(forget);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, fileMenu, app, badge, grow, who, role, theme, out);
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 10));
        return header;
    }

    /** "demo workspace", "offline review · verified": what this is when it is not the organization's live server. */
    private static Label headerBadge(SignedIn signedIn) {
        Label badge = new Label(signedIn.badge());
        badge.setId("workspaceBadge");
        // Long badges (an unknown signer's fingerprint) are cut in the header and whole in the tooltip.
        badge.setMaxWidth(360);
        badge.setTooltip(new Tooltip(signedIn.badge()));
        badge.getStyleClass().addAll("pill", "demo-badge");
        badge.setVisible(!signedIn.live());
        badge.setManaged(!signedIn.live());
        return badge;
    }

    /** Something this computer could not keep (settings, the cached setup): said under the header, the console works on. */
    public void showStorageNotice(String sentence) {
        storageNotice.setText(sentence);
        storageNotice.setVisible(true);
        storageNotice.setManaged(true);
    }

    private static Label storageNotice() {
        Label notice = notice("storageNotice", Material2MZ.STORAGE, "");
        notice.setVisible(false);
        notice.setManaged(false);
        return notice;
    }

    /** A one-sentence notice under the header, in the shape every such notice has. */
    public static Label notice(String id, org.kordamp.ikonli.Ikon icon, String sentence) {
        Label notice = new Label(sentence, new FontIcon(icon));
        notice.setId(id);
        notice.getStyleClass().add("storage-notice");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setWrapText(true);
        notice.setPadding(new Insets(6, 16, 6, 16));
        return notice;
    }

    private static Label connectionBanner() {
        Label banner = new Label("The connection to the database is lost. What you see stays readable; the console reconnects by itself.",
                new FontIcon(Material2MZ.SYNC_PROBLEM));
        banner.setId("connectionBanner");
        banner.getStyleClass().add("connection-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(8, 16, 8, 16));
        banner.setVisible(false);
        banner.setManaged(false);
        return banner;
    }

    /**
     * The rail: each workspace as its icon over a short name (narrow, so the workspaces keep the
     * width), with a count badge on the icon where the workspace has one.
     */
    private VBox navigation(List<Workspace> pages) {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("workspace-nav");
        nav.setPadding(new Insets(8, 6, 8, 6));
        for (Workspace w : pages) {
            FontIcon icon = new FontIcon(w.icon());
            javafx.scene.layout.StackPane iconWithCount = new javafx.scene.layout.StackPane(icon);
            if (w.count() != null) {
                Label count = new Label();
                count.setId("nav-count-" + w.id());
                count.getStyleClass().add("nav-count");
                count.textProperty().bind(Bindings.createStringBinding(() -> w.count().get() > 99 ? "99+" : Integer.toString(w.count().get()),
                        w.count()));
                count.visibleProperty().bind(Bindings.createBooleanBinding(() -> w.count().get() > 0, w.count()));
                count.setTranslateX(14);
                count.setTranslateY(-9);
                iconWithCount.getChildren().add(count);
            }
            Label name = new Label(w.title());
            name.getStyleClass().add("nav-label");
            VBox face = new VBox(3, iconWithCount, name);
            face.setAlignment(Pos.CENTER);
            ToggleButton tab = new ToggleButton(null, face);
            tab.setId("nav-" + w.id());
            tab.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            tab.setTooltip(new Tooltip(w.title()));
            tab.setToggleGroup(group);
            tab.getStyleClass().addAll(Styles.FLAT, "nav-item");
            tab.setMaxWidth(Double.MAX_VALUE);
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
        return nav;
    }

    /** Changes the header badge (a reviewed bundle's signer became trusted). */
    public void setBadge(String text) {
        badge.setText(text);
        badge.setTooltip(new Tooltip(text));
    }

    /** The header's menu (open a bundle, export); its accelerators work anywhere in the window. */
    public void setFileMenu(List<MenuItem> items) {
        MenuItem keys = new MenuItem("Keyboard shortcuts", new FontIcon(Material2AL.KEYBOARD));
        keys.setId("menuKeyboard");
        keys.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F1));
        keys.setOnAction(e -> showKeyboardSheet());
        fileMenu.getItems().setAll(items);
        if (!items.isEmpty()) {
            fileMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        fileMenu.getItems().add(keys);
        fileMenu.setVisible(true);
        fileMenu.setManaged(true);
    }

    /** Shows a notice under the header until it removes itself (for example the unknown-signer notice). */
    public void showNotice(Node notice) {
        top.getChildren().add(1, notice);
    }

    public void removeNotice(Node notice) {
        top.getChildren().remove(notice);
    }

    /** Shows a small pop-up (a {@link com.voxanne.ops.ui.Toast}) in the bottom-right corner of the workspace, over it. */
    public void showPopUp(Node popUp) {
        if (!popUps.getChildren().contains(popUp)) {
            popUps.getChildren().add(popUp);
        }
    }

    public void hidePopUp(Node popUp) {
        popUps.getChildren().remove(popUp);
    }

    private KeyboardSheet sheet;

    /** The list of every key the console answers, over the workspace (F1, or the ☰ menu); Esc closes it. */
    public void showKeyboardSheet() {
        if (sheet != null) {
            return;
        }
        javafx.scene.Node before = getScene() == null ? null : getScene().getFocusOwner();
        Runnable close = () -> {
            middle.getChildren().remove(sheet);
            sheet = null;
            if (before != null) {
                before.requestFocus();
            }
        };
        sheet = new KeyboardSheet(close);
        sheet.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        middle.getChildren().add(sheet);
        sheet.setFocusTraversable(true);
        sheet.requestFocus();
    }

    /** Shows or hides the lost-connection banner. */
    public void bindOnline(ObservableBooleanValue online) {
        banner.visibleProperty().bind(Bindings.not(online));
        banner.managedProperty().bind(banner.visibleProperty());
    }

    /**
     * Ctrl+F (Cmd+F) goes to the search field of the workspace on screen, whichever it is: one
     * accelerator for the window, asked of the visible {@link ListKeys.Searchable} view.
     */
    private void installSearchKey() {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F1), this::showKeyboardSheet);
                scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> {
                    Workspace w = workspaces.get(current.get());
                    if (w != null) {
                        searchableIn(w.view()).ifPresent(ListKeys.Searchable::focusSearch);
                    }
                });
            }
        });
    }

    private static java.util.Optional<ListKeys.Searchable> searchableIn(javafx.scene.Node node) {
        if (!node.isVisible()) {
            return java.util.Optional.empty();
        }
        if (node instanceof ListKeys.Searchable searchable) {
            return java.util.Optional.of(searchable);
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                var found = searchableIn(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Shows a workspace by id (unknown ids are ignored, so a remembered one from an older version is harmless). */
    public void show(String id) {
        Workspace w = workspaces.get(id);
        if (w == null) {
            return;
        }
        tabs.get(id).setSelected(true);
        middle.getChildren().set(0, w.view());
        current.set(id);
        if (w.onFirstShow() != null && shown.add(id)) {
            w.onFirstShow().run();
        }
    }

    public ReadOnlyStringProperty currentProperty() {
        return current;
    }
}
