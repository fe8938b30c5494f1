package com.voxanne.ops.quality;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The admins' form designer, in a window of its own: the forms on the left; the open form's name,
 * kind and pass mark; its questions in order; and the selected question's editor. Ctrl+S saves.
 * Opening another form or closing with unsaved changes asks first.
 */
public final class FormDesignerView extends BorderPane {

    static final Map<String, String> KINDS = Map.of("any", "Any organization", "clinic", "Clinic", "law_firm", "Law firm",
            "trades", "Trades business");

    private final FormDesignerViewModel model;
    private final ListView<FormSummary> forms = new ListView<>();
    private final TableView<QuestionDraft> questions = new TableView<>();
    private final QuestionEditor editor = new QuestionEditor();
    private final Button closeButton = new Button("Close");
    /** True while the list's selection follows the model, so it is not taken as the admin's choice. */
    private boolean following;

    public FormDesignerView(FormDesignerViewModel model) {
        this.model = model;
        setId("formDesigner");
        setLeft(formList());
        setCenter(formEditor());
        setBottom(buttons());
        model.questionProperty().addListener((obs, old, now) -> {
            editor.follow(now);
            if (questions.getSelectionModel().getSelectedItem() != now) {
                questions.getSelectionModel().select(now);
            }
        });
        model.formProperty().addListener((obs, old, now) -> selectInList(now));
    }

    /** Opens the designer as a window over {@code owner}. */
    public static void show(Window owner, FormDesignerViewModel model, List<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Scorecard forms");
        FormDesignerView view = new FormDesignerView(model);
        Scene scene = new Scene(view, 1100, 680);
        scene.getStylesheets().addAll(stylesheets);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), model::save);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(e -> {
            if (!view.mayDropDraft("close the designer")) {
                e.consume();
            }
        });
        view.closeButton.setOnAction(e -> {
            if (view.mayDropDraft("close the designer")) {
                stage.close();
            }
        });
        stage.show();
        model.load();
    }

    private VBox formList() {
        forms.setId("designerForms");
        forms.setItems(model.forms());
        forms.setCellFactory(list -> new FormCell());
        forms.setPlaceholder(new Label("No form yet"));
        forms.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (following || now == null || now.equals(model.formProperty().get())) {
                return;
            }
            if (mayDropDraft("open another form")) {
                model.open(now);
            } else {
                selectInList(model.formProperty().get());
            }
        });
        VBox.setVgrow(forms, Priority.ALWAYS);
        MenuButton add = new MenuButton("New form", new FontIcon(Material2MZ.PLAYLIST_ADD));
        add.setId("designerNewForm");
        MenuItem blank = new MenuItem("Blank form");
        blank.setOnAction(e -> startNew(FormDesignerViewModel.blank()));
        add.getItems().addAll(blank, new SeparatorMenuItem());
        for (StarterForms.Form starter : StarterForms.all()) {
            MenuItem item = new MenuItem("From the " + starter.name() + " (" + starter.questions().size() + " questions)");
            item.setOnAction(e -> startNew(starter.design()));
            add.getItems().add(item);
        }
        add.setMaxWidth(Double.MAX_VALUE);
        Label head = new Label("Forms");
        head.getStyleClass().add("chart-heading");
        VBox left = new VBox(8, head, forms, add);
        left.setPadding(new Insets(16, 8, 16, 16));
        left.setPrefWidth(270);
        left.setMinWidth(230);
        return left;
    }

    private void startNew(FormDesign template) {
        if (mayDropDraft("start a new form")) {
            following = true;
            forms.getSelectionModel().clearSelection();
            following = false;
            model.startNew(template);
        }
    }

    private VBox formEditor() {
        TextField name = new TextField();
        name.setId("designerName");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("designerKind");
        kind.getItems().setAll("any", "clinic", "law_firm", "trades");
        kind.setConverter(labels(KINDS));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Spinner<Double> pass = numberSpinner(0, 100, 1, model.passMarkProperty());
        pass.setId("designerPassMark");
        pass.setPrefWidth(110);
        pass.setTooltip(new Tooltip("The score an evaluation needs to pass, when no critical question failed"));

        GridPane head = new GridPane();
        head.setHgap(10);
        head.setVgap(8);
        head.addRow(0, new Label("Name"), name, new Label("For"), kind, new Label("Pass mark"), pass);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        head.getColumnConstraints().addAll(new ColumnConstraints(), grow);

        Label status = new Label();
        status.setId("designerStatus");
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        questions.setId("designerQuestions");
        questions.setItems(model.questions());
        questions.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        questions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        questions.setPlaceholder(new Label("No question yet: add one."));
        questions.getColumns().addAll(List.of(
                column("#", q -> Bindings.createStringBinding(() -> String.valueOf(model.questions().indexOf(q) + 1), model.questions()), 40),
                column("Section", QuestionDraft::sectionProperty, 120),
                column("Question", QuestionDraft::promptProperty, 260),
                column("Answer", q -> Bindings.createStringBinding(() -> words(q.typeProperty().get()), q.typeProperty()), 84),
                column("Weight", q -> Bindings.createStringBinding(() -> QualityView.format(q.weightProperty().get()), q.weightProperty()), 74),
                column("N/A", q -> Bindings.createStringBinding(() -> q.allowsNaProperty().get() ? "Allowed" : "", q.allowsNaProperty()), 74),
                column("Critical", q -> Bindings.createStringBinding(() -> q.criticalProperty().get() ? "Critical" : "", q.criticalProperty()), 80)));
        // The question's words take the width; the other columns keep theirs.
        TableColumn<QuestionDraft, ?> words = questions.getColumns().get(2);
        words.setMinWidth(200);
        words.setMaxWidth(Double.MAX_VALUE);
        questions.getColumns().get(1).setMaxWidth(220);
        questions.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.questionProperty().set(now);
            }
        });
        VBox.setVgrow(questions, Priority.ALWAYS);
        questions.setMinHeight(150);

        Button add = iconButton("designerAddQuestion", "Add a question after the selected one", Material2AL.ADD);
        add.setOnAction(e -> model.addQuestion());
        Button remove = iconButton("designerRemoveQuestion", "Remove the selected question", Material2AL.DELETE_OUTLINE);
        remove.setOnAction(e -> model.removeQuestion());
        Button up = iconButton("designerMoveUp", "Move the selected question up", Material2AL.ARROW_UPWARD);
        up.setOnAction(e -> model.move(-1));
        Button down = iconButton("designerMoveDown", "Move the selected question down", Material2AL.ARROW_DOWNWARD);
        down.setOnAction(e -> model.move(1));
        remove.disableProperty().bind(model.questionProperty().isNull());
        up.disableProperty().bind(model.questionProperty().isNull());
        down.disableProperty().bind(model.questionProperty().isNull());
        VBox tools = new VBox(6, add, remove, up, down);
        HBox list = new HBox(8, questions, tools);
        HBox.setHgrow(questions, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label questionsHead = new Label("Questions");
        questionsHead.getStyleClass().add("chart-heading");
        Label editorHead = new Label();
        editorHead.getStyleClass().add("chart-heading");
        editorHead.textProperty().bind(Bindings.createStringBinding(() -> model.questionProperty().get() == null ? "No question selected"
                : "Question " + (model.questions().indexOf(model.questionProperty().get()) + 1), model.questionProperty(), model.questions()));
        editor.disableProperty().bind(model.questionProperty().isNull());
        VBox center = new VBox(10, head, status, questionsHead, list, editorHead, editor);
        center.setPadding(new Insets(16, 16, 8, 8));
        center.disableProperty().bind(model.busyProperty());
        return center;
    }

    private HBox buttons() {
        Label message = new Label();
        message.setId("designerMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Button reload = new Button("Reload theirs");
        reload.setId("designerReloadTheirs");
        reload.setOnAction(e -> model.reloadTheirs());
        Button keep = new Button("Keep mine");
        keep.setId("designerKeepMine");
        keep.setOnAction(e -> model.keepMine());
        for (Button b : List.of(reload, keep)) {
            b.visibleProperty().bind(model.theirsProperty().isNotNull());
            b.managedProperty().bind(b.visibleProperty());
        }
        Button archive = new Button();
        archive.setId("designerArchive");
        archive.textProperty().bind(Bindings.createStringBinding(() -> model.formProperty().get() != null
                && model.formProperty().get().archived() ? "Bring back" : "Archive", model.formProperty()));
        archive.setTooltip(new Tooltip("An archived form is offered for no new evaluation; the evaluations made keep it"));
        archive.disableProperty().bind(model.formProperty().isNull().or(model.busyProperty()));
        archive.setOnAction(e -> model.toggleArchived());
        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("designerSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setTooltip(new Tooltip("Ctrl+S"));
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        closeButton.setId("designerClose");
        HBox bar = new HBox(8, message, busy, reload, keep, archive, save, closeButton);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8, 16, 14, 16));
        for (var node : List.of(reload, keep, archive, save, closeButton)) {
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /** Whether the draft may go: it is unchanged, or the admin says so. */
    private boolean mayDropDraft(String doing) {
        if (!model.dirty()) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The changes to \"" + model.nameProperty().get()
                + "\" are not saved. Drop them and " + doing + "?", ButtonType.YES, ButtonType.NO);
        ask.setHeaderText("Unsaved changes");
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private void selectInList(FormSummary f) {
        following = true;
        try {
            if (f == null) {
                forms.getSelectionModel().clearSelection();
            } else {
                model.forms().stream().filter(x -> x.formId().equals(f.formId())).findFirst()
                        .ifPresent(x -> forms.getSelectionModel().select(x));
            }
        } finally {
            following = false;
        }
    }

    static String words(AnswerType type) {
        return switch (type) {
            case YES_NO -> "Yes / no";
            case SCALE_1_5 -> "1 to 5";
            case CHOICE -> "Choice";
        };
    }

    private static TableColumn<QuestionDraft, String> column(String name, Function<QuestionDraft, ObservableValue<String>> value,
                                                             double width) {
        TableColumn<QuestionDraft, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setMaxWidth(width);
        c.setSortable(false);
        return c;
    }

    private static Button iconButton(String id, String tip, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add(Styles.BUTTON_ICON);
        return b;
    }

    /** A spinner for a number whose typed text counts as soon as focus leaves it, not only on Enter. */
    static Spinner<Double> numberSpinner(double min, double max, double step, ObjectProperty<Double> value) {
        Spinner<Double> spinner = new Spinner<>();
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max,
                value.get() == null ? min : value.get(), step);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        factory.valueProperty().bindBidirectional(value);
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
        return spinner;
    }

    private static void commit(Spinner<Double> spinner) {
        try {
            spinner.increment(0);
        } catch (RuntimeException notANumber) {
            spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
        }
    }

    private static StringConverter<String> labels(Map<String, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : words.getOrDefault(key, key);
            }

            @Override
            public String fromString(String label) {
                return words.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst().orElse(label);
            }
        };
    }

    /** A form in the list: its name, and its newest version with how many evaluations use it. */
    private static final class FormCell extends ListCell<FormSummary> {
        @Override
        protected void updateItem(FormSummary f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label facts = new Label("Version " + f.version() + " · " + (f.evaluations() == 0 ? "no evaluation"
                    : f.evaluations() + (f.evaluations() == 1 ? " evaluation" : " evaluations")) + (f.archived() ? " · archived" : ""));
            facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox box = new VBox(2, name, facts);
            box.setOpacity(f.archived() ? 0.6 : 1);
            setText(null);
            setGraphic(box);
        }
    }

    /** The selected question's fields, bound to whichever question is selected. */
    private static final class QuestionEditor extends GridPane {
        private final TextField section = new TextField();
        private final TextField prompt = new TextField();
        private final TextArea help = new TextArea();
        private final ComboBox<AnswerType> type = new ComboBox<>();
        private final TextArea choices = new TextArea();
        private final Label choicesLabel = new Label("Choices, one per line: label = score from 0 to 1");
        private final Spinner<Double> weight;
        private final ObjectProperty<Double> weightValue = new SimpleObjectProperty<>(1.0);
        private final CheckBox allowsNa = new CheckBox("N/A allowed");
        private final CheckBox critical = new CheckBox("Critical: failing it fails the call");
        private final List<Runnable> unbind = new ArrayList<>();

        QuestionEditor() {
            setHgap(10);
            setVgap(8);
            section.setId("designerSection");
            prompt.setId("designerPrompt");
            prompt.setPromptText("What the reviewer checks, e.g. Read back the booking");
            help.setId("designerHelp");
            help.setPrefRowCount(3);
            help.setMinHeight(Region.USE_PREF_SIZE);
            help.setWrapText(true);
            help.setPromptText("What counts as a yes, for reviewers who are new to the form");
            type.setId("designerType");
            type.getItems().setAll(AnswerType.values());
            type.setConverter(new StringConverter<>() {
                @Override
                public String toString(AnswerType t) {
                    return t == null ? "" : words(t);
                }

                @Override
                public AnswerType fromString(String s) {
                    return null;
                }
            });
            choices.setId("designerChoices");
            choicesLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            choices.setPrefRowCount(3);
            choices.setMinHeight(Region.USE_PREF_SIZE);
            choices.setPromptText("Fully = 1\nPartly = 0.5\nNot at all = 0");
            type.valueProperty().addListener((obs, old, now) -> showChoices(now == AnswerType.CHOICE));
            weight = numberSpinner(0.5, 100, 0.5, weightValue);
            weight.setId("designerWeight");
            weight.setPrefWidth(100);
            allowsNa.setId("designerAllowsNa");
            critical.setId("designerCritical");
            HBox flags = new HBox(16, new Label("Weight"), weight, allowsNa, critical);
            flags.setAlignment(Pos.CENTER_LEFT);

            addRow(0, new Label("Section"), section, new Label("Answered"), type);
            addRow(1, new Label("Question"), prompt);
            setColumnSpan(prompt, 3);
            // Help and choices side by side: the window fits a laptop's 768 pixels with the list above.
            VBox choiceBox = new VBox(4, choicesLabel, choices);
            choiceBox.managedProperty().bind(choices.managedProperty());
            choiceBox.visibleProperty().bind(choices.visibleProperty());
            HBox texts = new HBox(12, help, choiceBox);
            HBox.setHgrow(help, Priority.ALWAYS);
            HBox.setHgrow(choiceBox, Priority.ALWAYS);
            help.setPrefWidth(300);
            choices.setPrefWidth(300);
            VBox.setVgrow(choices, Priority.ALWAYS);
            addRow(2, new Label("Help"), texts);
            setColumnSpan(texts, 3);
            add(flags, 1, 3, 3, 1);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints grow = new ColumnConstraints();
            grow.setHgrow(Priority.ALWAYS);
            getColumnConstraints().addAll(labels, grow);
            showChoices(false);
        }

        private void showChoices(boolean shown) {
            for (var node : List.of(choicesLabel, choices)) {
                node.setVisible(shown);
                node.setManaged(shown);
            }
        }

        void follow(QuestionDraft q) {
            unbind.forEach(Runnable::run);
            unbind.clear();
            if (q == null) {
                section.clear();
                prompt.clear();
                help.clear();
                choices.clear();
                return;
            }
            link(section.textProperty(), q.sectionProperty());
            link(prompt.textProperty(), q.promptProperty());
            link(help.textProperty(), q.helpProperty());
            link(type.valueProperty(), q.typeProperty());
            link(choices.textProperty(), q.choicesProperty());
            link(weightValue, q.weightProperty());
            link(allowsNa.selectedProperty(), q.allowsNaProperty());
            link(critical.selectedProperty(), q.criticalProperty());
        }

        /** Binds a field to the selected question's property, remembering how to let go of it when another is selected. */
        private <T> void link(Property<T> field, Property<T> ofQuestion) {
            field.bindBidirectional(ofQuestion);
            unbind.add(() -> field.unbindBidirectional(ofQuestion));
        }
    }
}
