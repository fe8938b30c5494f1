package com.voxanne.ops.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A page of the signed-in window: how it is named in the navigation, and its view. */
public record Workspace(String id, String title, Ikon icon, Node view) {
}
