package com.voxanne.ops.ui;

import com.voxanne.ops.prefs.UserPreferences;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/** Puts split panes back where the person left them, and remembers where they move them. */
public final class RememberedSplits {

    private RememberedSplits() {
    }

    public static void remember(Node root, UserPreferences preferences, String... ids) {
        for (String id : ids) {
            if (root.lookup("#" + id) instanceof SplitPane split && !split.getDividers().isEmpty()) {
                String key = "split." + id;
                preferences.get(key).ifPresent(v -> split.setDividerPositions(preferences.getDouble(key, 0.6)));
                split.getDividers().get(0).positionProperty().addListener((obs, old, now) ->
                        preferences.put(key, String.format(java.util.Locale.ROOT, "%.3f", now.doubleValue())));
            }
        }
    }
}
