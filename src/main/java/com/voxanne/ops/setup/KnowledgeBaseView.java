package com.voxanne.ops.setup;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.Columns;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The knowledge base (articles; the selected one's text, chunks and history) and the platform's integrations, read-only. */
public final class KnowledgeBaseView extends SplitPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** @param openLink opens a web address in the browser */
    public KnowledgeBaseView(KnowledgeBaseViewModel model, ZoneId zone, com.voxanne.ops.catalog.PlatformColumns columns,
                             java.util.function.Consumer<String> openLink) {
        setId("knowledgeBase");
        TableView<ReferenceDao.KnowledgeArticle> articles = Columns.table("kbArticles", "No articles.",
                Columns.wide("Article", ReferenceDao.KnowledgeArticle::title, 160),
                Columns.text("Category", a -> com.voxanne.ops.ui.PlainWords.words(a.category()), 110),
                Columns.pill("Status", ReferenceDao.KnowledgeArticle::status, "state-", 100),
                Columns.fixedWidth(Columns.text("Version", a -> a.version() == null ? "" : Integer.toString(a.version()), 86)),
                Columns.text("Updated", a -> a.updatedAt() == null ? "" : WHEN.format(a.updatedAt().atZone(zone))));
        Columns.leaveOut(articles, columns, "knowledge_base", java.util.Map.of("Category", "category", "Status", "status", "Version", "version",
                "Updated", "updated_at"));
        articles.setItems(model.articles());
        articles.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        TableView<ReferenceDao.IntegrationSetting> platform = Columns.table("platformIntegrations", "None.",
                Columns.wide("Integration", ReferenceDao.IntegrationSetting::displayName, 150),
                Columns.fixedWidth(Columns.text("Offered", i -> com.voxanne.ops.ui.PlainWords.yesNo(i.enabled()), 82)),
                Columns.link("Documentation", ReferenceDao.IntegrationSetting::docsUrl, openLink));
        platform.setItems(model.integrations());
        platform.setPrefHeight(240);
        VBox left = new VBox(10, title("Articles"), articles, title("Integrations the platform offers"), platform);
        left.setPadding(new Insets(12));
        VBox.setVgrow(articles, javafx.scene.layout.Priority.ALWAYS);

        VBox right = new VBox(12);
        right.setPadding(new Insets(12));
        Label hint = new Label("Choose an article to read it as the voice agents do: in chunks.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        right.getChildren().add(hint);
        model.detailProperty().addListener((obs, old, d) -> {
            var a = model.selectedProperty().get();
            if (d == null || a == null) {
                right.getChildren().setAll(hint);
                return;
            }
            Label heading = new Label(a.title());
            heading.getStyleClass().add(Styles.TITLE_3);
            Label content = new Label(a.content());
            content.setWrapText(true);
            TableView<ReferenceDao.KnowledgeChunk> chunks = Columns.fixedTable(d.chunks(),
                    Columns.text("#", c -> c.chunkIndex() == null ? "" : Integer.toString(c.chunkIndex()), 40),
                    Columns.text("Tokens", c -> c.tokenCount() == null ? "" : c.tokenCount().toString(), 60),
                    Columns.text("Text", ReferenceDao.KnowledgeChunk::content));
            TableView<ReferenceDao.KnowledgeChange> history = Columns.fixedTable(d.changes(),
                    Columns.text("Version", c -> c.version() == null ? "" : Integer.toString(c.version()), 60),
                    Columns.text("Change", ReferenceDao.KnowledgeChange::changeType, 90),
                    Columns.text("When", c -> c.createdAt() == null ? "" : WHEN.format(c.createdAt().atZone(zone)), 110),
                    Columns.text("Summary", c -> c.changeSummary() == null ? "" : c.changeSummary()));
            right.getChildren().setAll(heading, content, title("Chunks"),
                    columns.hasTable("knowledge_base_chunks") ? chunks : absent("This database keeps no chunks of its articles."),
                    title("History"), columns.hasTable("knowledge_base_changelog") ? history : absent("This database keeps no history of its articles."));
        });
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        getItems().addAll(left, scroll);
        setDividerPositions(0.45);
    }

    private static Label absent(String sentence) {
        Label l = new Label(sentence);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }
}
