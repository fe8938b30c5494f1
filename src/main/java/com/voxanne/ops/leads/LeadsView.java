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

    public static TableView<LeadService.PipelineEntry> pipeline(LeadsViewModel model, com.voxanne.ops.catalog.PlatformColumns columns) {
        TableView<LeadService.PipelineEntry> t = Columns.table("pipeline", "The pipeline is empty.",
                Columns.pill("Stage", LeadService.PipelineEntry::stage, "stage-", 96),
                Columns.text("Contact", e -> e.contactName() == null ? "" : e.contactName(), 170),
                Columns.text("Value", e -> e.valuePence() == null ? "" : String.format(Locale.UK, "£%,.2f", e.valuePence() / 100.0), 100),
                Columns.text("Owner", e -> e.owner() == null ? "" : e.owner(), 150),
                Columns.text("Expected", e -> e.expectedCloseDate() == null ? "" : DAY.format(e.expectedCloseDate()), 110),
                Columns.text("Source", e -> e.source() == null ? "" : e.source(), 110),
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
                Columns.text("Source", s -> s.source() == null ? "" : s.source(), 100),
                Columns.text("Message", s -> s.message() == null ? "" : s.message()));
        t.setItems(model.signUps());
        return t;
    }
}
