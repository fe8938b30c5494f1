package com.voxanne.ops.security;

import com.voxanne.ops.admin.ToolSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.admin.OrgSettingsService;
import com.voxanne.ops.alerts.Alert;
import com.voxanne.ops.alerts.AlertRule;
import com.voxanne.ops.alerts.AlertRuleService;
import com.voxanne.ops.alerts.AlertService;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.contacts.ContactService;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.records.Profile;
import com.voxanne.ops.profiles.ProfileService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Every supervisor action, for every role: what the role may do succeeds, what it may not is
 * refused by the database (one sentence), and a save over a version someone else changed meanwhile
 * is a conflict that overwrites nothing. On Brightside, so the Harley counts other tests read stay put.
 */
class SupervisorActionsTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");
    private static final String NOT_ALLOWED = "You are not allowed to do that: your role does not have the right.";

    private static Jdbi as(String role) {
        return TestWorkspace.as("brightside", role).jdbi();
    }

    private static void someoneElseTouches(String table, UUID id) {
        TestWorkspace.owner().useHandle(h -> h.createUpdate("update " + table + " set updated_at = now() + interval '1 second' where id = :id")
                .bind("id", id).execute());
    }

    @Test
    void contactsAreChangedByManagersAndAdminsOnlyAndNeverOverAnotherSave() {
        Contact seen = com.voxanne.ops.TestWorkspace.contactService(as("user")).page(ORG, null, null, null, 1).get(0);
        var edit = new ContactService.ContactEdit(seen.firstName(), seen.lastName(), seen.phone(), seen.email(), "warm", 55, "Called back.");
        assertThatThrownBy(() -> com.voxanne.ops.TestWorkspace.contactService(as("user")).save(seen, edit)).isInstanceOf(UserFacingException.class).hasMessage(NOT_ALLOWED);

        SaveResult<Contact> saved = com.voxanne.ops.TestWorkspace.contactService(as("manager")).save(seen, edit);
        assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        Contact now = ((SaveResult.Saved<Contact>) saved).now();
        assertThat(now.leadScore()).isEqualTo(55);

        someoneElseTouches("contacts", now.id());
        var later = new ContactService.ContactEdit(seen.firstName(), seen.lastName(), seen.phone(), seen.email(), "hot", 90, "Mine.");
        assertThat(com.voxanne.ops.TestWorkspace.contactService(as("admin")).save(now, later)).as("a stale version").isInstanceOf(SaveResult.Conflict.class);
        assertThat(com.voxanne.ops.TestWorkspace.contactService(as("admin")).find(now.id()).orElseThrow().leadScore()).as("nothing overwritten").isEqualTo(55);
    }

    @Test
    void alertsAreAcknowledgedOnceByManagersAndAdmins() {
        AlertService user = new AlertService(as("user"), com.voxanne.ops.TestWorkspace.columns());
        var since = Instant.parse("2000-01-01T00:00:00Z");
        // A hot lead the platform raises now (the demo's own may all be acknowledged by other tests).
        TestWorkspace.owner().useHandle(h -> h.createUpdate("""
                insert into hot_lead_alerts (org_id, contact_id, reason, lead_score, urgency)
                select org_id, id, 'Wants a quote today.', 92, 'high' from contacts where org_id = :o limit 1""").bind("o", ORG).execute());
        Alert hotLead = user.since(ORG, since, new BigDecimal("0.3"), 500).stream()
                .filter(a -> a.kind() == Alert.Kind.HOT_LEAD && !a.acknowledged()).findFirst().orElseThrow();
        Alert call = user.since(ORG, since, new BigDecimal("0.3"), 500).stream()
                .filter(a -> a.kind() != Alert.Kind.HOT_LEAD && !a.acknowledged()).findFirst().orElseThrow();
        for (Alert a : java.util.List.of(hotLead, call)) {
            assertThatThrownBy(() -> user.acknowledge(ORG, a, new BigDecimal("0.3"))).as(a.kind().name()).isInstanceOf(UserFacingException.class);
            var first = new AlertService(as("manager"), com.voxanne.ops.TestWorkspace.columns()).acknowledge(ORG, a, new BigDecimal("0.3"));
            assertThat(first).as(a.kind().name()).isInstanceOf(AlertService.Acknowledged.Done.class);
            Alert done = ((AlertService.Acknowledged.Done) first).now();
            assertThat(done.acknowledgedAt()).isNotNull();
            assertThat(done.acknowledgedBy()).isNotBlank();
            var second = new AlertService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).acknowledge(ORG, a, new BigDecimal("0.3"));
            assertThat(second).as("acknowledged once").isInstanceOf(AlertService.Acknowledged.AlreadyDone.class);
            assertThat(((AlertService.Acknowledged.AlreadyDone) second).now().acknowledgedBy()).isEqualTo(done.acknowledgedBy());
        }
    }

    @Test
    void profilesAreChangedByAdminsOnly() {
        Profile someone = new ProfileService(as("user")).all().stream().filter(p -> p.role().equals("user")).findFirst().orElseThrow();
        var edit = new ProfileService.ProfileEdit(someone.fullName(), someone.phone(), "manager", "active");
        assertThatThrownBy(() -> new ProfileService(as("manager")).save(someone, edit)).hasMessage(NOT_ALLOWED);
        SaveResult<Profile> promoted = new ProfileService(as("admin")).save(someone, edit);
        assertThat(promoted).isInstanceOf(SaveResult.Saved.class);
        Profile now = ((SaveResult.Saved<Profile>) promoted).now();
        assertThat(new ProfileService(as("admin")).save(someone, new ProfileService.ProfileEdit(someone.fullName(), someone.phone(), "admin", "active")))
                .as("over the version before the promotion").isInstanceOf(SaveResult.Conflict.class);
        assertThat(new ProfileService(as("admin")).save(now, new ProfileService.ProfileEdit(now.fullName(), now.phone(), "user", "active")))
                .isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void toolsAndFeaturesAreSwitchedByAdminsOnly() {
        var tool = new OrgSettingsService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).tools().get(0);
        assertThatThrownBy(() -> new OrgSettingsService(as("manager"), com.voxanne.ops.TestWorkspace.columns()).setToolEnabled(tool, !tool.enabled())).hasMessage(NOT_ALLOWED);
        var switched = new OrgSettingsService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).setToolEnabled(tool, !tool.enabled());
        assertThat(switched).isInstanceOf(SaveResult.Saved.class);
        assertThat(new OrgSettingsService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).setToolEnabled(tool, tool.enabled())).as("stale").isInstanceOf(SaveResult.Conflict.class);
        new OrgSettingsService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).setToolEnabled(((SaveResult.Saved<ToolSetting>) switched).now(), tool.enabled());

        OrgSettingsService admin = new OrgSettingsService(as("admin"), com.voxanne.ops.TestWorkspace.columns());
        var free = admin.features().stream().filter(f -> f.overrideId() == null).findFirst().orElseThrow();
        assertThatThrownBy(() -> new OrgSettingsService(as("manager"), com.voxanne.ops.TestWorkspace.columns()).setFeature(free, true, null)).hasMessage(NOT_ALLOWED);
        var added = admin.setFeature(free, !free.platformDefault(), "Pilot.");
        assertThat(added).isInstanceOf(SaveResult.Saved.class);
        var overridden = ((SaveResult.Saved<OrgSettingsService.FeatureSwitch>) added).now();
        assertThat(overridden.effective()).isEqualTo(!free.platformDefault());
        assertThat(admin.setFeature(free, free.platformDefault(), null)).as("a second admin adding the same override").isInstanceOf(SaveResult.Conflict.class);
        someoneElseTouches("org_feature_flags", overridden.overrideId());
        assertThat(admin.usePlatformDefault(overridden)).as("stale").isInstanceOf(SaveResult.Conflict.class);
        var fresh = admin.features().stream().filter(f -> f.flagId().equals(free.flagId())).findFirst().orElseThrow();
        assertThat(admin.usePlatformDefault(fresh)).isInstanceOf(SaveResult.Saved.class);
        assertThat(admin.features().stream().filter(f -> f.flagId().equals(free.flagId())).findFirst().orElseThrow().overrideId()).isNull();
    }

    @Test
    void alertRulesAreWrittenByAdminsOnly() {
        AlertRule draft = new AlertRule(null, "Test rule", true, "lead_score_above", new BigDecimal("90"), "email", "sales@brightside.example", null);
        for (String role : java.util.List.of("user", "manager")) {
            assertThatThrownBy(() -> new AlertRuleService(as(role), com.voxanne.ops.TestWorkspace.columns()).save(AlertRule.draft(), draft)).as(role).hasMessage(NOT_ALLOWED);
        }
        AlertRuleService admin = new AlertRuleService(as("admin"), com.voxanne.ops.TestWorkspace.columns());
        AlertRule created = ((SaveResult.Saved<AlertRule>) admin.save(AlertRule.draft(), draft)).now();
        assertThat(created.id()).isNotNull();
        AlertRule renamed = ((SaveResult.Saved<AlertRule>) admin.save(created, new AlertRule(created.id(), "Test rule 2", true, "lead_score_above",
                new BigDecimal("95"), "email", "sales@brightside.example", null))).now();
        assertThat(admin.delete(created)).as("deleting a version that changed since").isInstanceOf(SaveResult.Conflict.class);
        assertThatThrownBy(() -> new AlertRuleService(as("manager"), com.voxanne.ops.TestWorkspace.columns()).delete(renamed)).hasMessage(NOT_ALLOWED);
        assertThat(admin.delete(renamed)).isInstanceOf(SaveResult.Saved.class);
        assertThat(admin.all()).extracting(AlertRule::name).doesNotContain("Test rule", "Test rule 2");
    }

    @Test
    void theDatabaseHasTheLastWordOnValuesTheFormsWouldHaveCaught() {
        Contact seen = com.voxanne.ops.TestWorkspace.contactService(as("manager")).page(ORG, null, null, null, 1).get(0);
        assertThatThrownBy(() -> com.voxanne.ops.TestWorkspace.contactService(as("manager")).save(seen,
                new ContactService.ContactEdit(seen.firstName(), seen.lastName(), "0770 not a number", null, "warm", 20, null)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("Phone numbers must be in international E.164 form");
        assertThatThrownBy(() -> com.voxanne.ops.TestWorkspace.contactService(as("manager")).save(seen,
                new ContactService.ContactEdit(seen.firstName(), seen.lastName(), seen.phone(), null, "warm", 150, null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> new AlertRuleService(as("admin"), com.voxanne.ops.TestWorkspace.columns()).save(AlertRule.draft(), new AlertRule(null, "Bad", true, "sentiment_below",
                new BigDecimal("5"), "notify", null, null))).isInstanceOf(UserFacingException.class).hasMessageContaining("threshold");
    }
}
