package com.voxanne.ops.leads;

import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.Columns;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.TableView;

/** Read-only lists of the pipeline and of website sign-ups, shown as tabs of the contacts workspace. */
public final class LeadsView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private LeadsView() {
    }

    /** The pipeline under a row of stage totals: how many leads, and their value, at each stage. */
    public static javafx.scene.Node pipeline(LeadsViewModel model, com.voxanne.ops.catalog.PlatformColumns columns) {
        javafx.scene.layout.HBox totals = new javafx.scene.layout.HBox(10);
        totals.setId("pipelineTotals");
        totals.setPadding(new javafx.geometry.Insets(12, 16, 12, 16));
        Runnable sum = () -> totals.getChildren().setAll(stageTotals(model.pipeline()));
        model.pipeline().addListener((javafx.collections.ListChangeListener<LeadService.PipelineEntry>) c -> sum.run());
        sum.run();
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(pipelineTable(model, columns));
        pane.setTop(totals);
        return pane;
    }

    /** The stages in the order a lead moves through them; a stage this platform adds comes after, in its own order. */
    static final java.util.List<String> STAGES = java.util.List.of("new", "qualified", "proposal", "negotiation", "won", "lost");

    private static java.util.List<javafx.scene.Node> stageTotals(java.util.List<LeadService.PipelineEntry> entries) {
        java.util.Map<String, long[]> byStage = new java.util.LinkedHashMap<>();
        STAGES.forEach(st -> byStage.put(st, new long[2]));
        for (var e : entries) {
            long[] t = byStage.computeIfAbsent(e.stage() == null ? "no stage" : e.stage(), k -> new long[2]);
            t[0]++;
            t[1] += e.valuePence() == null ? 0 : e.valuePence();
        }
        java.util.List<javafx.scene.Node> figures = new java.util.ArrayList<>();
        byStage.forEach((stage, t) -> {
            if (t[0] == 0 && !STAGES.subList(0, 3).contains(stage)) {
                return;
            }
            javafx.scene.control.Label name = new javafx.scene.control.Label(com.voxanne.ops.ui.PlainWords.words(stage));
            name.getStyleClass().addAll("pill", "stage-" + stage);
            javafx.scene.control.Label count = new javafx.scene.control.Label(t[0] + (t[0] == 1 ? " lead" : " leads"));
            count.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
            javafx.scene.control.Label value = new javafx.scene.control.Label(String.format(Locale.UK, "£%,.0f", t[1] / 100.0));
            value.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            javafx.scene.layout.VBox figure = new javafx.scene.layout.VBox(4, name, count, value);
            figure.setId("stage-total-" + stage);
            figure.getStyleClass().add("headline-figure");
            figure.setMinWidth(120);
            figures.add(figure);
        });
        return figures;
    }

    private static TableView<LeadService.PipelineEntry> pipelineTable(LeadsViewModel model, com.voxanne.ops.catalog.PlatformColumns columns) {
        TableView<LeadService.PipelineEntry> t = Columns.table("pipeline", "The pipeline is empty.",
                Columns.pill("Stage", LeadService.PipelineEntry::stage, "stage-", 96),
                Columns.text("Contact", e -> e.contactName() == null ? "" : e.contactName(), 170),
                Columns.text("Value", e -> e.valuePence() == null ? "" : String.format(Locale.UK, "£%,.2f", e.valuePence() / 100.0), 100),
                Columns.text("Owner", e -> e.owner() == null ? "" : e.owner(), 150),
                Columns.text("Expected", e -> e.expectedCloseDate() == null ? "" : DAY.format(e.expectedCloseDate()), 110),
                Columns.text("Source", e -> com.voxanne.ops.ui.PlainWords.words(e.source()), 110),
                Columns.text("Notes", e -> e.lostReason() != null ? "Lost: " + e.lostReason() : e.notes() == null ? "" : e.notes()));
        t.setItems(model.pipeline());
        // leads is a configuration table: the fields this platform's has.
        com.voxanne.ops.ui.Columns.leaveOut(t, columns, "leads", java.util.Map.of("Stage", "stage", "Contact", "contact_id", "Value", "value_pence",
                "Owner", "owner_profile_id", "Expected", "expected_close_date", "Source", "source"));
        return t;
    }

    public static TableView<LeadDao.OnboardingSubmission> signUps(LeadsViewModel model, ZoneId zone) {
        TableView<LeadDao.OnboardingSubmission> t = Columns.table("signUps", "No website sign-ups.",
                Columns.text("When", s -> DAY.format(s.createdAt().atZone(zone)), 110),
                Columns.text("Name", LeadDao.OnboardingSubmission::name, 160),
                Columns.text("Company", s -> s.company() == null ? "" : s.company(), 150),
                Columns.text("E-mail", LeadDao.OnboardingSubmission::email, 200),
                Columns.text("Phone", s -> CallFormats.phone(s.phone()), 130),
                Columns.text("Source", s -> com.voxanne.ops.ui.PlainWords.words(s.source()), 100),
                Columns.text("Message", s -> s.message() == null ? "" : s.message()));
        t.setItems(model.signUps());
        return t;
    }
}
