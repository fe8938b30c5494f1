package com.voxanne.ops.offline;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The strip under the header for a bundle signed by an unknown key: what that means, and "Trust this key". */
public final class UnknownSignerNotice extends HBox {

    public UnknownSignerNotice(SignerTrustViewModel model, Runnable dismiss) {
        super(12);
        setId("unknownSignerNotice");
        getStyleClass().add("unknown-signer-notice");
        setPadding(new Insets(8, 16, 8, 16));
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(model.sentence(), new FontIcon(Material2MZ.VPN_KEY));
        text.setWrapText(true);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox words = new VBox(2, text, problem);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button trust = new Button("Trust this key");
        trust.setId("trustSigner");
        trust.setMinWidth(USE_PREF_SIZE);
        trust.setOnAction(e -> model.trust());
        Button later = new Button("Not now");
        later.getStyleClass().add(Styles.FLAT);
        later.setMinWidth(USE_PREF_SIZE);
        later.setOnAction(e -> dismiss.run());
        getChildren().addAll(words, trust, later);
    }
}
