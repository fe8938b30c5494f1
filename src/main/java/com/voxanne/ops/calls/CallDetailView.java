package com.voxanne.ops.calls;

import com.voxanne.ops.ui.CallFormats;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.CallTracking;
import com.voxanne.ops.signals.AfterTheCall;
import com.voxanne.ops.signals.CallOutcome;
import com.voxanne.ops.signals.Signal;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The selected call: who, when, what the AI made of it, the transcript as turns with search, the contact, where they came from. */
final class CallDetailView extends StackPane {

    private final CallDetailViewModel model;
    private final Consumer<String> openInBrowser;
    private final VBox content = new VBox(16);
    private final TranscriptView transcript;
    private final ScrollPane scroll = new ScrollPane(content);
    /** Sections shown under the call's header on every call: the reviewer's note offline, the quality review. */
    private final java.util.List<Node> extraSections = new java.util.ArrayList<>();

    CallDetailView(CallDetailViewModel model, Consumer<String> openInBrowser) {
        this.model = model;
        this.openInBrowser = openInBrowser;
        this.transcript = new TranscriptView(model.transcriptMatchesProperty(), model.currentMatchProperty());
        transcript.setId("transcriptTurns");
        // Its own scrolling, inside the pane's: most of the pane's height, so a long call is read here.
        transcript.prefHeightProperty().bind(scroll.heightProperty().multiply(0.7));
        transcript.setMinHeight(240);
        setId("callDetail");
        getStyleClass().add("call-detail");
        content.setPadding(new Insets(16, 20, 24, 20));
        content.setMinWidth(0);
        setMinWidth(360);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label empty = new Label("Select a call to see its summary, sentiment and transcript.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(model.loadingProperty());
        loading.setMaxSize(40, 40);
        empty.visibleProperty().bind(model.detailsProperty().isNull().and(model.loadingProperty().not()));
        scroll.visibleProperty().bind(model.detailsProperty().isNotNull());
        getChildren().addAll(empty, loading, scroll);
        model.detailsProperty().addListener((obs, old, now) -> render(now));
    }

    private void render(CallDetails d) {
        content.getChildren().clear();
        if (d == null) {
            return;
        }
        CallDetail c = d.call();
        String who = d.contact().map(Contact::fullName).orElse(CallFormats.who(c.callerName()));
        Label title = new Label(who);
        title.getStyleClass().add(Styles.TITLE_3);
        title.setId("detailTitle");
        Label when = new Label(String.join(" · ", java.util.stream.Stream.of(CallFormats.time(c.createdAt(), model.zone()), c.callDirection(),
                CallFormats.duration(c.durationSeconds()), CallFormats.label(c.status())).filter(part -> part != null && !part.isBlank()).toList()));
        when.getStyleClass().add(Styles.TEXT_MUTED);
        when.setWrapText(true);
        GridPane numbers = new GridPane();
        numbers.setHgap(10);
        // One per row: side by side, a narrow pane (1366x768) cut the labels down to "…".
        numbers.addRow(0, fixed(muted("From")), copyable(null, c.fromNumber(), CallFormats.phone(c.fromNumber())));
        numbers.addRow(1, fixed(muted("To")), copyable(null, c.toNumber(), CallFormats.phone(c.toNumber())));
        numbers.addRow(2, fixed(muted("Call id")), copyable(null, c.id().toString(), c.id().toString().substring(0, 8) + "…"));
        content.getChildren().addAll(new VBox(4, title, when), numbers);
        content.getChildren().addAll(extraSections);
        d.outcome().ifPresent(outcome -> content.getChildren().add(afterTheCallSection(d, outcome)));

        if (c.sentimentLabel() != null) {
            Label pill = new Label(c.sentimentLabel());
            pill.getStyleClass().addAll("pill", "sentiment-" + c.sentimentLabel());
            Label urgency = new Label(c.sentimentUrgency() == null ? "" : c.sentimentUrgency() + " urgency");
            urgency.getStyleClass().addAll("pill", "urgency-" + c.sentimentUrgency());
            Label score = new Label("score " + CallFormats.score(c.sentimentScore()));
            score.getStyleClass().add(Styles.TEXT_MUTED);
            HBox head = new HBox(8, pill, urgency, score);
            head.setAlignment(Pos.CENTER_LEFT);
            content.getChildren().add(section("Sentiment", Material2OutlinedMZ.MOOD, head, paragraph(c.sentimentSummary())));
        }
        if (c.summary() != null) {
            content.getChildren().add(section("Summary", Material2OutlinedMZ.SUBJECT, paragraph(c.summary())));
        }
        content.getChildren().add(transcriptSection(d));
        d.contact().ifPresent(contact -> content.getChildren().add(contactSection(contact)));
        if (!d.tracking().isEmpty()) {
            content.getChildren().add(trackingSection(d.tracking()));
        }
        if (c.recordingUrl() != null) {
            Hyperlink recording = new Hyperlink("Play the recording", new FontIcon(Material2MZ.PLAY_ARROW));
            recording.setOnAction(e -> openInBrowser.accept(c.recordingUrl()));
            recording.setTooltip(new Tooltip(c.recordingUrl()));
            content.getChildren().add(recording);
        }
        scroll.setVvalue(0);
    }

    /**
     * What went wrong (the signals, each with its evidence) and what happened after the call: the
     * booking's status, a call again, a follow-up, the caller's lead status now (docs/SIGNALS.md).
     */
    private VBox afterTheCallSection(CallDetails d, CallOutcome outcome) {
        VBox signals = new VBox(8);
        signals.setId("callSignals");
        for (Signal signal : outcome.signals()) {
            Label kind = new Label(signal.kind().label(), new FontIcon(Material2AL.ERROR_OUTLINE));
            kind.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER, "signal-kind");
            VBox one = new VBox(2, kind, paragraph(signal.evidence()));
            if (signal.relatedCallId() != null && outcome.after().calledAgainAt() != null) {
                Hyperlink later = new Hyperlink("Calls of " + CallFormats.day(outcome.after().calledAgainAt(), model.zone()));
                later.setOnAction(e -> model.showCallsOn(outcome.after().calledAgainAt()));
                one.getChildren().add(later);
            }
            signals.getChildren().add(one);
        }
        AfterTheCall after = outcome.after();
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        String booking = outcome.booking();
        facts.addRow(row++, fixed(muted("Booking")), paragraph(booking == null ? "None made on this call"
                : capitalized(booking) + (after.appointmentAt() == null ? "" : " · " + CallFormats.time(after.appointmentAt(), model.zone()))));
        facts.addRow(row++, fixed(muted("Called again")), paragraph(after.calledAgainAt() == null ? "Not within 48 hours"
                : "Yes, " + CallFormats.time(after.calledAgainAt(), model.zone())));
        facts.addRow(row++, fixed(muted("Followed up")), paragraph(after.followedUp() ? "Yes, within 24 hours" : "Not within 24 hours"));
        if (after.leadStatus() != null) {
            facts.addRow(row, fixed(muted("Lead now")), paragraph(capitalized(after.leadStatus())));
        }
        VBox section = outcome.signals().isEmpty()
                ? section("After the call", Material2OutlinedAL.ASSIGNMENT_TURNED_IN, facts)
                : section("What went wrong", Material2AL.ERROR_OUTLINE, signals, facts);
        section.setId("afterTheCall");
        return section;
    }

    /** Adds a section shown under the call's header on every call (the reviewer's note in offline review, the quality review). */
    void addExtraSection(Node section) {
        extraSections.add(section);
        render(model.detailsProperty().get());
    }

    private VBox transcriptSection(CallDetails d) {
        CustomTextField find = TranscriptFind.field(model, "transcriptSearch");
        Label count = TranscriptFind.count(model);
        count.setId("transcriptMatchCount");
        Button previous = iconButton(Material2MZ.NAVIGATE_BEFORE, "Previous match (Shift+Enter)", model::previousMatch);
        Button next = iconButton(Material2MZ.NAVIGATE_NEXT, "Next match (Enter)", model::nextMatch);
        Button full = iconButton(Material2AL.FULLSCREEN, "Read the transcript full-screen (Enter in the log; Esc closes)", this::openTranscriptFullScreen);
        HBox tools = new HBox(6, find, previous, next, count, new Region(), full);
        HBox.setHgrow(tools.getChildren().get(4), Priority.ALWAYS);
        tools.setAlignment(Pos.CENTER_LEFT);
        transcript.show(d.transcript());
        if (d.transcript().turns().isEmpty()) {
            Label none = new Label("No transcript for this call.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            return section("Transcript", Material2OutlinedAL.CHAT_BUBBLE_OUTLINE, none);
        }
        return section("Transcript", Material2OutlinedAL.CHAT_BUBBLE_OUTLINE, tools, transcript);
    }

    /** The transcript alone on the whole screen, for reading a long call (TranscriptWindow); Esc closes it. */
    void openTranscriptFullScreen() {
        CallDetails d = model.detailsProperty().get();
        if (d == null || getScene() == null) {
            return;
        }
        TranscriptWindow.open(model, d, getScene().getWindow(), getScene().getStylesheets());
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Label fixed(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private VBox contactSection(Contact contact) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        grid.addRow(row++, muted("Name"), new Label(contact.fullName()));
        grid.addRow(row++, muted("Phone"), copyable(null, contact.phone(), CallFormats.phone(contact.phone())));
        if (contact.email() != null) {
            grid.addRow(row++, muted("E-mail"), copyable(null, contact.email(), contact.email()));
        }
        grid.addRow(row++, muted("Lead"), new Label(contact.leadStatus() + (contact.leadScore() == null ? "" : " · score " + contact.leadScore())));
        if (contact.notes() != null) {
            grid.addRow(row, muted("Notes"), paragraph(contact.notes()));
        }
        Hyperlink others = new Hyperlink("All calls with " + contact.firstName());
        others.setId("contactCalls");
        others.setOnAction(e -> model.showCallsOfContact());
        VBox appointments = new VBox(2);
        var booked = model.detailsProperty().get().appointments();
        for (var a : booked.subList(0, Math.min(5, booked.size()))) {
            Hyperlink link = new Hyperlink(CallFormats.time(a.scheduledAt(), model.zone()) + " · " + a.title() + " · " + a.status());
            link.setOnAction(e -> model.openAppointment(a));
            appointments.getChildren().add(link);
        }
        if (booked.isEmpty()) {
            appointments.getChildren().add(muted("No appointments."));
        } else if (booked.size() > 5) {
            appointments.getChildren().add(muted("and " + (booked.size() - 5) + " more"));
        }
        return section("Contact", Material2OutlinedAL.ACCOUNT_CIRCLE, grid, others, muted("Appointments, latest first"), appointments);
    }

    private VBox trackingSection(List<CallTracking> tracking) {
        VBox rows = new VBox(6);
        for (CallTracking t : tracking) {
            String utm = t.utmSource() == null ? "direct visit"
                    : t.utmSource() + " / " + t.utmMedium() + (t.utmCampaign() == null ? "" : " / " + t.utmCampaign());
            String device = t.deviceType() == null ? "" : t.deviceType() + (t.browser() == null ? "" : " · " + t.browser() + " on " + t.os());
            rows.getChildren().add(new VBox(2, new Label(utm), muted(device + (t.location() == null ? "" : " · " + t.location())),
                    copyable(null, t.trackedUrl(), t.trackedUrl())));
        }
        return section("Where they came from", Material2OutlinedAL.LANGUAGE, rows);
    }

    private static VBox section(String title, org.kordamp.ikonli.Ikon icon, Node... body) {
        Label head = new Label(title, new FontIcon(icon));
        head.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        VBox box = new VBox(8, head);
        box.getChildren().addAll(body);
        box.getStyleClass().add("detail-section");
        return box;
    }

    private static Label paragraph(String text) {
        Label l = new Label(text == null ? "" : text);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** A value with a copy button: numbers and ids are what supervisors paste elsewhere. */
    private static HBox copyable(String caption, String raw, String shown) {
        Label value = new Label(shown);
        value.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = iconButton(Material2AL.CONTENT_COPY, "Copy " + raw, () -> {
            ClipboardContent cc = new ClipboardContent();
            cc.putString(raw);
            Clipboard.getSystemClipboard().setContent(cc);
        });
        HBox box = caption == null ? new HBox(4, value, copy) : new HBox(4, muted(caption), value, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
