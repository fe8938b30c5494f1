package com.voxanne.ops.shell;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A page of the signed-in window: how it is named in the navigation, its view, an optional count
 * shown beside its name (alerts not acknowledged), and what to do the first time it is shown
 * (load its data: workspaces nobody opens cost no queries).
 */
public record Workspace(String id, String title, Ikon icon, Node view, ObservableIntegerValue count, Runnable onFirstShow) {

    public Workspace(String id, String title, Ikon icon, Node view) {
        this(id, title, icon, view, null, null);
    }

    public Workspace(String id, String title, Ikon icon, Node view, Runnable onFirstShow) {
        this(id, title, icon, view, null, onFirstShow);
    }
}
