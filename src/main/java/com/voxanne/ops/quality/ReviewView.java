package com.voxanne.ops.quality;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Review workspace: the queue on the left, the call being evaluated beside its transcript on the right; N takes the next call. */
public final class ReviewView extends BorderPane {

    private final ReviewViewModel model;
    private final ListView<QueueItem> list = new ListView<>();
    private final EvaluationPane evaluation;

    public ReviewView(ReviewViewModel model) {
        this.model = model;
        this.evaluation = new EvaluationPane(model.evaluation(), model.zone());
        setId("reviewView");
        setTop(header());

        list.setId("reviewQueue");
        list.setItems(model.items());
        list.setCellFactory(v -> new ItemCell());
        list.setPlaceholder(new Label("Nothing waits for review."));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setContextMenu(new ContextMenu());
        list.setOnContextMenuRequested(e -> fillMenu(list.getContextMenu()));
        model.reviewed().addListener((SetChangeListener<java.util.UUID>) change -> list.refresh());
        VBox left = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(220);
        left.setPrefWidth(260);

        Label empty = new Label("Press N to take the next call in the queue, or open one from the list.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.setMaxWidth(360);
        StackPane right = new StackPane(empty, evaluation);
        evaluation.visibleProperty().bind(model.evaluation().callProperty().isNotNull());
        empty.visibleProperty().bind(evaluation.visibleProperty().not());

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        // N is "No" on a yes/no question of the open form (the form's filter takes it first); anywhere else in the
        // window, while this workspace is on screen, it takes the next call: a handler on the scene, so the focus
        // may be anywhere (the rail's button just clicked, the queue, the transcript).
        javafx.event.EventHandler<KeyEvent> nextKey = e -> {
            if (!e.isConsumed() && !(e.getTarget() instanceof TextInputControl) && "n".equalsIgnoreCase(e.getCharacter())
                    && !e.isControlDown() && !e.isMetaDown() && !e.isAltDown()) {
                model.next();
                e.consume();
            }
        };
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_TYPED, nextKey);
            }
            if (now != null) {
                now.addEventHandler(KeyEvent.KEY_TYPED, nextKey);
                // Shown: the keyboard starts on the queue, or on the form of the call being scored.
                javafx.application.Platform.runLater(() -> {
                    if (model.evaluation().callProperty().get() == null) {
                        list.requestFocus();
                    } else {
                        evaluation.focusForm();
                    }
                });
            }
        });
        model.evaluation().callProperty().addListener((obs, old, now) -> {
            if (now != null) {
                evaluation.focusForm();
            }
        });
        model.evaluation().evaluationProperty().addListener((obs, old, now) -> {
            if (now != null && !now.editable()) {
                // Submitted: the keyboard goes back to the queue, where N takes the next one.
                list.requestFocus();
            }
        });
    }

    private HBox header() {
        Label title = new Label("Review");
        title.getStyleClass().add(Styles.TITLE_3);
        Label size = new Label();
        size.setId("reviewQueueSize");
        size.textProperty().bind(Bindings.createStringBinding(() -> sizeWords(model.statsProperty().get()), model.statsProperty()));
        Label today = new Label();
        today.setId("reviewToday");
        today.getStyleClass().add(Styles.TEXT_MUTED);
        today.textProperty().bind(Bindings.createStringBinding(() -> todayWords(model.statsProperty().get()), model.statsProperty()));
        VBox facts = new VBox(2, size, today);
        Label message = new Label();
        message.setId("reviewMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_SMALL);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button next = new Button("Next (N)", new FontIcon(Material2MZ.SKIP_NEXT));
        next.setId("reviewNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setTooltip(new Tooltip("Take the next call: yours to finish first, then one assigned to you, then the oldest left for anyone"));
        next.setOnAction(e -> model.next());
        next.setDisable(!model.mayReview());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Fill the queue and read it again"));
        refresh.setOnAction(e -> model.refresh());
        HBox bar = new HBox(16, title, facts, message, refresh, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("filter-bar");
        title.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    static String sizeWords(QueueStats stats) {
        if (stats.waiting() == 0) {
            return "Nothing waiting";
        }
        String age = stats.oldestCall() == null ? "" : " · oldest from " + ago(stats.oldestCall());
        return String.format(Locale.ROOT, "%,d", stats.waiting()) + (stats.waiting() == 1 ? " call waits" : " calls wait") + age;
    }

    static String todayWords(QueueStats stats) {
        if (stats.reviewersToday().isEmpty()) {
            return "No reviews submitted today yet";
        }
        return "Today: " + stats.reviewersToday().stream().map(r -> r.reviewer() + " " + r.submitted() + " (" + r.passed() + " passed)")
                .collect(Collectors.joining(" · "));
    }

    private static String ago(Instant then) {
        Duration d = Duration.between(then, Instant.now());
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
        }
        return Math.max(1, d.toMinutes()) + " min ago";
    }

    private void fillMenu(ContextMenu menu) {
        menu.getItems().clear();
        QueueItem item = list.getSelectionModel().getSelectedItem();
        if (item == null || !model.mayReview()) {
            return;
        }
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> model.open(item));
        menu.getItems().addAll(open, new SeparatorMenuItem());
        for (Reviewer r : model.reviewers()) {
            MenuItem assign = new MenuItem("Assign to " + r.name());
            assign.setOnAction(e -> model.assign(item, r));
            menu.getItems().add(assign);
        }
        MenuItem anyone = new MenuItem("Leave for anyone");
        anyone.setOnAction(e -> model.assign(item, null));
        MenuItem release = new MenuItem("Give back to the queue");
        release.setOnAction(e -> model.release(item));
        menu.getItems().addAll(anyone, new SeparatorMenuItem(), release);
    }

    /** A waiting call: who and when, why it is here (pills), and who has it. */
    private final class ItemCell extends ListCell<QueueItem> {

        ItemCell() {
            // Wraps to the list's width instead of widening it (no sideways scroll bar).
            setPrefWidth(0);
            getStyleClass().add("queue-cell");
        }

        @Override
        protected void updateItem(QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label who = new Label(item.callerName() != null ? item.callerName() : CallFormats.phone(item.callerNumber()));
            who.getStyleClass().add(Styles.TEXT_BOLD);
            Label when = new Label(CallFormats.time(item.callCreatedAt(), model.zone()));
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            FlowPane reasons = new FlowPane(4, 4);
            for (String r : item.reasons()) {
                Label pill = new Label(reasonWords(r));
                pill.getStyleClass().addAll("pill", r.startsWith("signal:") ? "reason-signal" : "reason-" + r);
                reasons.getChildren().add(pill);
            }
            VBox box = new VBox(2, who, when, reasons);
            String holder = item.takenByName() != null ? "Being reviewed by " + item.takenByName()
                    : item.assigneeName() != null ? "For " + item.assigneeName() : null;
            if (model.reviewed().contains(item.callId())) {
                holder = "Reviewed";
                box.setOpacity(0.55);
            }
            if (holder != null) {
                Label h = new Label(holder);
                h.getStyleClass().add(Styles.TEXT_SMALL);
                box.getChildren().add(h);
            }
            setGraphic(box);
        }
    }

    static String reasonWords(String reason) {
        if (reason.startsWith("signal:")) {
            String kind = reason.substring("signal:".length());
            return com.voxanne.ops.signals.SignalKind.byKey(kind).map(com.voxanne.ops.signals.SignalKind::label)
                    .orElse(kind.replace('_', ' '));
        }
        return switch (reason) {
            case "sample" -> "Daily sample";
            case "sent" -> "Sent to review";
            case "bundle" -> "In the bundle";
            default -> reason.toLowerCase(Locale.ROOT);
        };
    }
}
