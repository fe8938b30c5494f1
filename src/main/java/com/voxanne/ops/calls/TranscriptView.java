package com.voxanne.ops.calls;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A call's turns as speech bubbles, virtualized: only the turns on screen are nodes, so a two-hour
 * call of 2,000 turns opens as fast as a short one and costs little memory, and a new match
 * repaints the visible cells instead of rebuilding every turn. Matches are highlighted, the current
 * one strongest, and the list scrolls to it.
 */
public final class TranscriptView extends ListView<Transcript.Turn> {

    private final ObservableValue<List<Transcript.Match>> matches;
    private final ObservableValue<Number> current;
    /** Notes shown under a turn (a reviewer's pinned comments), by the turn's index. */
    private IntFunction<List<String>> notes = turn -> List.of();

    /** Without search: a transcript to read and point at (a reviewer pins comments to its turns). */
    public TranscriptView() {
        this(new SimpleObjectProperty<>(List.of()), new SimpleObjectProperty<>(-1));
        setFocusTraversable(true);
    }

    TranscriptView(ObservableValue<List<Transcript.Match>> matches, ObservableValue<Number> current) {
        this.matches = matches;
        this.current = current;
        getStyleClass().add("transcript");
        setFocusTraversable(false);
        setCellFactory(list -> new TurnCell());
        matches.addListener((obs, old, now) -> repaint());
        current.addListener((obs, old, now) -> repaint());
    }

    public void show(Transcript transcript) {
        getItems().setAll(transcript.turns());
        repaint();
    }

    /** What to show under each turn; the visible turns are drawn again at once. */
    public void setNotes(IntFunction<List<String>> notes) {
        this.notes = notes;
        repaint();
    }

    private void repaint() {
        // Only the cells there are (those on screen and a few spare) are drawn again, in place:
        // ListView.refresh() would throw every cell away and make it again.
        for (javafx.scene.Node n : lookupAll(".turn-cell")) {
            if (n instanceof TurnCell cell) {
                cell.redraw();
            }
        }
        List<Transcript.Match> all = matches.getValue();
        int at = current.getValue().intValue();
        if (at >= 0 && at < all.size()) {
            // A little context above the hit, as a reader would scroll.
            scrollTo(Math.max(0, all.get(at).turn() - 1));
        }
    }

    private final class TurnCell extends ListCell<Transcript.Turn> {

        void redraw() {
            Transcript.Turn turn = getItem();
            setGraphic(isEmpty() || turn == null ? null : bubble(turn, getIndex()));
        }

        TurnCell() {
            // The bubble wraps to the list's width; without this a cell asks for its unwrapped text's width.
            setPrefWidth(0);
            getStyleClass().add("turn-cell");
        }

        @Override
        protected void updateItem(Transcript.Turn turn, boolean empty) {
            super.updateItem(turn, empty);
            setText(null);
            setGraphic(empty || turn == null ? null : bubble(turn, getIndex()));
        }

        private static Text plain(String part) {
            Text t = new Text(part);
            t.getStyleClass().add("turn-text");
            return t;
        }

        private HBox bubble(Transcript.Turn turn, int index) {
            TextFlow flow = new TextFlow();
            String text = turn.text();
            int pos = 0;
            List<Transcript.Match> all = matches.getValue();
            int currentMatch = current.getValue().intValue();
            for (int m = 0; m < all.size(); m++) {
                Transcript.Match match = all.get(m);
                if (match.turn() != index) {
                    continue;
                }
                flow.getChildren().add(plain(text.substring(pos, match.start())));
                // A marker-pen background, not a coloured letter: amber text on a blue bubble was hard to see.
                Label hit = new Label(text.substring(match.start(), match.start() + match.length()));
                hit.getStyleClass().add(m == currentMatch ? "match-current" : "match");
                flow.getChildren().add(hit);
                pos = match.start() + match.length();
            }
            flow.getChildren().add(plain(text.substring(pos)));
            Label speaker = new Label(switch (turn.speaker()) {
                case AGENT -> "Agent";
                case CALLER -> "Caller";
                case OTHER -> "";
            });
            speaker.getStyleClass().add("speaker");
            flow.setMinWidth(0);
            VBox bubble = new VBox(2, speaker, flow);
            bubble.setMinWidth(0);
            bubble.getStyleClass().addAll("turn", "turn-" + turn.speaker().name().toLowerCase(Locale.ROOT));
            bubble.setMaxWidth(560);
            for (String note : notes.apply(index)) {
                Label pinned = new Label(note, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.PUSH_PIN));
                pinned.setWrapText(true);
                pinned.getStyleClass().add("turn-note");
                bubble.getChildren().add(pinned);
            }
            HBox row = new HBox(bubble);
            row.setMinWidth(0);
            row.setAlignment(turn.speaker() == Transcript.Speaker.CALLER ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            return row;
        }
    }
}
