package com.voxanne.ops.quality;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.calls.CallDetail;
import com.voxanne.ops.calls.CallDetails;
import com.voxanne.ops.calls.TranscriptView;
import com.voxanne.ops.ui.CallFormats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The form beside the transcript. The keyboard does it all: 1-5, Y, N and A answer the current
 * question (a choice by its number), Tab and Shift+Tab move, Ctrl+S keeps a draft, Ctrl+Enter
 * submits, C pins a comment to the selected turn.
 */
public final class EvaluationPane extends SplitPane {

    private static final KeyCombination SUBMIT = KeyCombination.keyCombination("Shortcut+Enter");
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");

    private final EvaluationViewModel model;
    private final ZoneId zone;
    private final TranscriptView transcript = new TranscriptView();
    private final Label caller = new Label();
    private final Label when = new Label();
    private final Label summary = new Label();
    private final VBox questions = new VBox(10);
    private final ScrollPane questionScroll = new ScrollPane(questions);
    private final List<QuestionCard> cards = new ArrayList<>();
    private final VBox commentList = new VBox(4);

    public EvaluationPane(EvaluationViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        setId("evaluationPane");
        getStyleClass().add("evaluation-pane");
        getItems().addAll(transcriptSide(), formSide());
        setDividerPositions(0.5);
        model.callProperty().addListener((obs, old, now) -> showCall(now));
        model.scorecardProperty().addListener((obs, old, now) -> buildCards(now));
        model.currentProperty().addListener((obs, old, now) -> markCurrent());
        model.answers().addListener((MapChangeListener<Object, Answer>) change -> cards.forEach(QuestionCard::showAnswer));
        model.editableProperty().addListener((obs, old, now) -> cards.forEach(QuestionCard::showAnswer));
        model.comments().addListener((javafx.collections.ListChangeListener<EvaluationComment>) change -> showComments());
        transcript.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                model.selectedTurnProperty().set(now.intValue() < 0 ? null : now.intValue()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventFilter(KeyEvent.KEY_TYPED, this::onKeyTyped);
    }

    /** Puts the keyboard on the form, so the first key answers the first question. */
    public void focusForm() {
        questionScroll.requestFocus();
    }

    private Node transcriptSide() {
        caller.getStyleClass().add(Styles.TITLE_4);
        caller.setId("evaluationCaller");
        when.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_SMALL);
        transcript.setId("evaluationTranscript");
        transcript.getStyleClass().add("pickable");
        transcript.setNotes(model::notesOfTurn);
        Label hint = new Label("Select a turn, then press C to pin a comment to it.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox side = new VBox(6, caller, when, summary, transcript, hint);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        side.setPadding(new Insets(12, 12, 12, 16));
        side.setMinWidth(300);
        return side;
    }

    private Node formSide() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(model.scorecardProperty().get())
                .map(Scorecard::title).orElse("No scorecard"), model.scorecardProperty()));
        Label status = new Label();
        status.setId("evaluationStatus");
        status.getStyleClass().add("pill");
        status.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(model.evaluationProperty().get())
                .map(Evaluation::statusWords).orElse("New"), model.evaluationProperty()));
        Label score = new Label();
        score.setId("evaluationScore");
        score.getStyleClass().add(Styles.TEXT_BOLD);
        score.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(model.evaluationProperty().get())
                .map(e -> e.score() == null ? "Not scored yet" : "Score " + EvaluationViewModel.scoreWords(e)).orElse(""), model.evaluationProperty()));
        Label progress = new Label();
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(model.progress());
        title.setWrapText(true);
        status.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        HBox facts = new HBox(10, status, progress, score);
        facts.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(4, title, facts);

        Label reason = new Label();
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        reason.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(model.evaluationProperty().get())
                .filter(e -> Evaluation.REOPENED.equals(e.status()) && e.reopenReason() != null).map(e -> "Reopened: " + e.reopenReason())
                .orElse(""), model.evaluationProperty()));
        reason.managedProperty().bind(reason.textProperty().isNotEmpty());
        reason.visibleProperty().bind(reason.managedProperty());

        Button reload = new Button("Reload", new FontIcon(Material2MZ.REFRESH));
        reload.setOnAction(e -> model.reload());
        Label changed = new Label("Someone else changed this evaluation. What you typed stays; reload to see theirs.");
        changed.setWrapText(true);
        HBox conflict = new HBox(8, new FontIcon(Material2AL.ERROR_OUTLINE), changed, reload);
        conflict.setId("evaluationConflict");
        conflict.setAlignment(Pos.CENTER_LEFT);
        conflict.getStyleClass().add("conflict-banner");
        conflict.managedProperty().bind(model.conflictProperty());
        conflict.visibleProperty().bind(model.conflictProperty());

        questions.setPadding(new Insets(4, 8, 8, 2));
        questionScroll.setFitToWidth(true);
        questionScroll.setId("evaluationQuestions");
        questionScroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(questionScroll, Priority.ALWAYS);

        Label commentsTitle = new Label("Comments", new FontIcon(Material2MZ.PUSH_PIN));
        commentsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TextField comment = new TextField();
        comment.setId("evaluationComment");
        comment.setPromptText("Comment on the selected turn; Enter pins it");
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button pin = new Button("Pin", new FontIcon(Material2MZ.PUSH_PIN));
        pin.setId("pinComment");
        Runnable pinIt = () -> {
            if (!comment.getText().isBlank()) {
                model.pinComment(comment.getText());
                comment.clear();
                // Back to the form: the next key answers the next question.
                focusForm();
            }
        };
        pin.setOnAction(e -> pinIt.run());
        comment.setOnAction(e -> pinIt.run());
        pin.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(model::mayEvaluate).not()));
        comment.disableProperty().bind(pin.disableProperty());
        HBox commentRow = new HBox(6, comment, pin);
        VBox commentsBox = new VBox(6, commentsTitle, commentList, commentRow);

        Button save = new Button("Save draft", new FontIcon(Material2MZ.SAVE));
        save.setId("saveEvaluation");
        save.setTooltip(new Tooltip("Keep the answers as a draft (Ctrl+S)"));
        save.setOnAction(e -> model.saveDraft());
        save.disableProperty().bind(model.editableProperty().not());
        Button submit = new Button("Submit", new FontIcon(Material2MZ.SEND));
        submit.setId("submitEvaluation");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setTooltip(new Tooltip("Submit the evaluation (Ctrl+Enter); the database scores it"));
        submit.setOnAction(e -> model.submit());
        submit.disableProperty().bind(model.editableProperty().not());
        Button signOff = new Button("Sign off", new FontIcon(Material2MZ.VERIFIED));
        signOff.setId("signOffEvaluation");
        signOff.setOnAction(e -> model.signOff());
        signOff.managedProperty().bind(model.maySignOff());
        signOff.visibleProperty().bind(model.maySignOff());
        Button reopen = new Button("Reopen…", new FontIcon(Material2MZ.UNDO));
        reopen.setId("reopenEvaluation");
        reopen.setOnAction(e -> askReason().ifPresent(model::reopen));
        reopen.managedProperty().bind(model.mayReopen());
        reopen.visibleProperty().bind(model.mayReopen());
        HBox actions = new HBox(8, save, submit, signOff, reopen);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("evaluationMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_SMALL);

        VBox side = new VBox(10, head, reason, conflict, questionScroll, commentsBox, actions, message);
        side.setPadding(new Insets(12, 16, 12, 12));
        side.setMinWidth(380);
        return side;
    }

    private Optional<String> askReason() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Reopen the evaluation");
        dialog.setHeaderText("Why is it reopened? The reviewer reads this.");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void showCall(CallDetails d) {
        if (d == null) {
            caller.setText("");
            when.setText("");
            summary.setText("");
            transcript.getItems().clear();
            return;
        }
        CallDetail c = d.call();
        caller.setText(d.contact().map(com.voxanne.ops.records.Contact::fullName).orElse(CallFormats.who(c.callerName())));
        when.setText(String.join(" · ", CallFormats.time(c.createdAt(), zone), CallFormats.duration(c.durationSeconds()),
                CallFormats.phone(c.fromNumber())));
        summary.setText(c.summary() == null ? "" : c.summary());
        transcript.show(d.transcript());
        transcript.getSelectionModel().clearSelection();
        transcript.scrollTo(0);
    }

    private void buildCards(Scorecard form) {
        questions.getChildren().clear();
        cards.clear();
        if (form == null) {
            return;
        }
        String section = null;
        for (int i = 0; i < form.questions().size(); i++) {
            ScorecardQuestion q = form.questions().get(i);
            if (!q.section().equals(section)) {
                section = q.section();
                Label head = new Label(section);
                head.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD, "question-section");
                questions.getChildren().add(head);
            }
            QuestionCard card = new QuestionCard(q, i);
            cards.add(card);
            questions.getChildren().add(card);
        }
        markCurrent();
    }

    private void markCurrent() {
        int at = model.currentProperty().get();
        for (QuestionCard card : cards) {
            card.getStyleClass().remove("current");
            if (card.index == at) {
                card.getStyleClass().add("current");
                scrollIntoView(card);
            }
        }
    }

    private void scrollIntoView(Node card) {
        Bounds content = questions.getLayoutBounds();
        Bounds view = questionScroll.getViewportBounds();
        double hidden = content.getHeight() - view.getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = card.getBoundsInParent().getMinY();
        double bottom = card.getBoundsInParent().getMaxY();
        double shownTop = questionScroll.getVvalue() * hidden;
        if (top < shownTop) {
            questionScroll.setVvalue(top / hidden);
        } else if (bottom > shownTop + view.getHeight()) {
            questionScroll.setVvalue(Math.min(1, (bottom - view.getHeight()) / hidden));
        }
    }

    private void showComments() {
        commentList.getChildren().clear();
        for (EvaluationComment c : model.comments()) {
            String where = c.turnIndex() == null ? "Whole call" : "Turn " + (c.turnIndex() + 1);
            Label text = new Label(where + " · " + c.body() + (c.authorName() == null ? "" : " — " + c.authorName()));
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setTooltip(new Tooltip("Remove this comment"));
            remove.setOnAction(e -> model.deleteComment(c));
            HBox row = new HBox(4, text, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            if (c.turnIndex() != null) {
                text.setOnMouseClicked(e -> {
                    transcript.getSelectionModel().select(c.turnIndex());
                    transcript.scrollTo(Math.max(0, c.turnIndex() - 1));
                });
            }
            commentList.getChildren().add(row);
        }
        // The markers under the turns follow the comments.
        transcript.setNotes(model::notesOfTurn);
    }

    private void onKeyPressed(KeyEvent e) {
        if (SUBMIT.match(e)) {
            model.submit();
            e.consume();
            return;
        }
        if (SAVE.match(e)) {
            model.saveDraft();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
            if (e.isShiftDown()) {
                model.previous();
            } else {
                model.next();
            }
            e.consume();
        }
    }

    private void onKeyTyped(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isMetaDown() || e.isAltDown()) {
            return;
        }
        String typed = e.getCharacter();
        if ("c".equalsIgnoreCase(typed)) {
            lookup("#evaluationComment").requestFocus();
            e.consume();
            return;
        }
        if (model.key(typed)) {
            e.consume();
        }
    }

    /** One question: its words, its help, and a button per answer; clicking one answers it as the keys do. */
    private final class QuestionCard extends VBox {

        private final ScorecardQuestion question;
        private final int index;
        private final List<ToggleButton> buttons = new ArrayList<>();
        private final ToggleButton na = new ToggleButton("N/A");

        QuestionCard(ScorecardQuestion question, int index) {
            super(4);
            this.question = question;
            this.index = index;
            getStyleClass().add("question-card");
            setId("question" + (index + 1));
            Label prompt = new Label((index + 1) + ". " + question.prompt());
            prompt.setWrapText(true);
            prompt.getStyleClass().add(Styles.TEXT_BOLD);
            HBox top = new HBox(8, prompt);
            top.setAlignment(Pos.CENTER_LEFT);
            if (question.critical()) {
                Label critical = new Label("Critical");
                critical.getStyleClass().addAll("pill", "critical-pill");
                critical.setTooltip(new Tooltip("A fail here fails the whole evaluation, whatever the rest scores."));
                critical.setMinWidth(Region.USE_PREF_SIZE);
                top.getChildren().add(critical);
            }
            getChildren().add(top);
            if (question.help() != null && !question.help().isBlank()) {
                Label help = new Label(question.help());
                help.setWrapText(true);
                help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                getChildren().add(help);
            }
            FlowPane answers = new FlowPane(6, 6);
            switch (question.answerType()) {
                case YES_NO -> {
                    answers.getChildren().add(button("Yes (Y)", 1));
                    answers.getChildren().add(button("No (N)", 0));
                }
                case SCALE_1_5 -> {
                    for (int v = 1; v <= 5; v++) {
                        answers.getChildren().add(button(String.valueOf(v), v));
                    }
                }
                case CHOICE -> {
                    for (int c = 0; c < question.choices().size(); c++) {
                        answers.getChildren().add(button(question.choices().get(c).label() + " (" + (c + 1) + ")", c));
                    }
                }
            }
            if (question.allowsNa()) {
                na.setText("N/A (A)");
                na.getStyleClass().add(Styles.SMALL);
                na.setFocusTraversable(false);
                na.setOnAction(e -> {
                    model.currentProperty().set(index);
                    model.notApplicable();
                    showAnswer();
                });
                answers.getChildren().add(na);
            }
            getChildren().add(answers);
            setOnMouseClicked(e -> model.currentProperty().set(index));
            showAnswer();
        }

        private ToggleButton button(String text, int value) {
            ToggleButton b = new ToggleButton(text);
            b.getStyleClass().add(Styles.SMALL);
            b.setFocusTraversable(false);
            b.setUserData(value);
            b.setOnAction(e -> {
                model.currentProperty().set(index);
                model.answer(value);
                showAnswer();
            });
            buttons.add(b);
            return b;
        }

        void showAnswer() {
            Answer a = model.answers().get(question.id());
            for (ToggleButton b : buttons) {
                b.setSelected(a != null && !a.notApplicable() && a.value() != null && a.value().equals(b.getUserData()));
                b.setDisable(!model.editableProperty().get());
            }
            na.setSelected(a != null && a.notApplicable());
            na.setDisable(!model.editableProperty().get());
            getStyleClass().remove("answered");
            if (a != null) {
                getStyleClass().add("answered");
            }
        }
    }
}
