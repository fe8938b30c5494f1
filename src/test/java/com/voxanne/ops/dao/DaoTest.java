package com.voxanne.ops.dao;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.alerts.HotLeadAlert;
import com.voxanne.ops.alerts.HotLeadAlertDao;
import com.voxanne.ops.records.Appointment;
import com.voxanne.ops.records.AppointmentDao;
import com.voxanne.ops.audit.AuditDao;
import com.voxanne.ops.calls.CallDao;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.ContactDao;
import com.voxanne.ops.organizations.OrganizationDao;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.setup.ReferenceDao;
import com.voxanne.ops.records.CallTrackingDao;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every DAO against the demo data, under a console login: rows map, writes are optimistic, RLS holds. */
class DaoTest {

    private final Jdbi manager = TestWorkspace.as("brightside", "manager").jdbi();
    private final Jdbi admin = TestWorkspace.as("brightside", "admin").jdbi();
    private final UUID org = TestWorkspace.orgId("Brightside Physiotherapy");

    @Test
    void readsMapEveryTableOfTheOrganization() {
        assertThat(manager.onDemand(OrganizationDao.class).visible()).singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo("Brightside Physiotherapy"))
                .satisfies(o -> assertThat(o.settings()).contains("Manchester"));
        assertThat(manager.onDemand(ProfileDao.class).all()).hasSize(6).allMatch(p -> p.orgId().equals(org));
        List<Contact> contacts = manager.onDemand(ContactDao.class).byName(null, null, null, 50);
        assertThat(contacts).hasSize(50).allMatch(c -> c.orgId().equals(org));
        Contact last = contacts.get(49);
        List<Contact> next = manager.onDemand(ContactDao.class).byName(last.lastName(), last.firstName(), last.id(), 50);
        assertThat(next).isNotEmpty().doesNotContainAnyElementsOf(contacts);
        assertThat(manager.onDemand(ContactDao.class).findByPhone(contacts.get(0).phone())).contains(contacts.get(0));

        var calls = manager.onDemand(CallDao.class).page(com.voxanne.ops.calls.CallLogQuery.firstPage(org, 20));
        var detail = manager.onDemand(CallDao.class).find(calls.get(0).id()).orElseThrow();
        assertThat(detail.orgId()).isEqualTo(org);
        UUID tracked = manager.withHandle(h -> h.createQuery("select call_id from call_tracking where call_id is not null limit 1").mapTo(UUID.class).one());
        assertThat(manager.onDemand(CallTrackingDao.class).forCall(tracked)).isNotEmpty().allMatch(t -> t.trackedUrl().startsWith("https://"));

        var managerColumns = com.voxanne.ops.catalog.PlatformColumns.read(manager);
        manager.useHandle(h -> readsTheReferenceTables(new ReferenceDao(h, managerColumns)));
        assertThat(manager.onDemand(HotLeadAlertDao.class).latest(10)).isNotEmpty();
        var leads = new com.voxanne.ops.leads.LeadService(manager, managerColumns);
        assertThat(leads.pipeline()).hasSize(6);
        assertThat(leads.forContact(leads.pipeline().get(0).contactId())).isNotEmpty().allMatch(l -> l.contactId().equals(leads.pipeline().get(0).contactId()));
        assertThat(leads.signUps(10)).hasSize(3);
    }

    private static void readsTheReferenceTables(ReferenceDao reference) {
        assertThat(reference.agents()).hasSize(2);
        assertThat(reference.services()).isNotEmpty();
        var articles = reference.knowledgeBase();
        assertThat(articles).hasSize(3);
        assertThat(reference.chunks(articles.get(0).id())).isNotEmpty();
        assertThat(reference.changelog(articles.get(0).id())).hasSize(2);
        assertThat(reference.integrations()).isNotEmpty();
        assertThat(reference.integrationSettings()).hasSize(7);
        assertThat(reference.featureFlags()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(reference.orgFeatureFlags()).isNotEmpty();
        assertThat(reference.orgTools()).hasSize(3);
        assertThat(reference.escalationRules()).hasSize(3);
        assertThat(reference.carrierForwardingRules()).hasSize(3);
    }

    @Test
    void adminOnlyReadsAreRefusedToManagersAndServedToAdmins() {
        // Asked anyway (through a catalog that lists them), the database refuses; a manager's own catalog does not list them at all.
        var all = com.voxanne.ops.TestWorkspace.columns();
        Assertions.assertThrows(UnableToExecuteStatementException.class, () -> manager.withHandle(h -> new ReferenceDao(h, all).credentials()));
        assertThat(com.voxanne.ops.catalog.PlatformColumns.read(manager).hasTable("org_credentials")).isFalse();
        Assertions.assertThrows(UnableToExecuteStatementException.class, () -> manager.onDemand(AuditDao.class).auditLog(10));
        var adminColumns = com.voxanne.ops.catalog.PlatformColumns.read(admin);
        assertThat(adminColumns.has("org_credentials", "secret_hint")).isTrue();
        assertThat(adminColumns.has("org_credentials", "secret_ciphertext")).as("never granted, so not in the admin's catalog").isFalse();
        java.util.List<ReferenceDao.Credential> credentials = admin.withHandle(h -> new ReferenceDao(h, adminColumns).credentials());
        assertThat(credentials).isNotEmpty().allMatch(c -> c.secretHint().startsWith("…"));
        java.util.List<ReferenceDao.TwilioSubaccount> subaccounts = admin.withHandle(h -> new ReferenceDao(h, adminColumns).twilioSubaccounts());
        assertThat(subaccounts).isEmpty();
        assertThat(admin.onDemand(AuditDao.class).auditLog(10)).as("the seeded entries, and writes other tests made").hasSizeGreaterThanOrEqualTo(2);
        var audit = new com.voxanne.ops.audit.AuditLogService(admin, adminColumns);
        assertThat(audit.securityEvents(10)).isNotEmpty();
        assertThat(audit.telephonyChanges(10)).singleElement().satisfies(t -> assertThat(t.newMode()).isEqualTo("byoc"));
    }

    @Test
    void writesStateTheVersionTheySawAndLoseToANewerOne() {
        AppointmentDao appointments = manager.onDemand(AppointmentDao.class);
        var agenda = manager.onDemand(com.voxanne.ops.appointments.AgendaDao.class);
        Appointment seen = appointments.between(java.time.OffsetDateTime.parse("2000-01-01T00:00Z"), java.time.OffsetDateTime.parse("2100-01-01T00:00Z"))
                .stream().filter(a -> a.status().equals("scheduled")).findFirst().orElseThrow();
        var version = seen.updatedAt().atOffset(ZoneOffset.UTC);
        var at = seen.scheduledAt().atOffset(ZoneOffset.UTC);
        assertThat(agenda.reschedule(seen.id(), "scheduled", at, "Call back about parking.", version)).isEqualTo(1);
        assertThat(agenda.reschedule(seen.id(), "cancelled", at, null, version)).as("stale version").isZero();
        Appointment now = appointments.find(seen.id()).orElseThrow();
        assertThat(now.notes()).isEqualTo("Call back about parking.");
        assertThat(now.status()).isEqualTo("scheduled");
        assertThat(appointments.forContact(seen.contactId())).extracting(Appointment::id).contains(seen.id());

        Contact contact = manager.onDemand(ContactDao.class).byName(null, null, null, 1).get(0);
        var contactVersion = contact.updatedAt().atOffset(ZoneOffset.UTC);
        assertThat(manager.onDemand(ContactDao.class).update(contact.id(), contact.firstName(), contact.lastName(), contact.phone(), contact.email(),
                "hot", 91, contact.notes(), contactVersion)).isEqualTo(1);
        assertThat(manager.onDemand(ContactDao.class).update(contact.id(), contact.firstName(), contact.lastName(), contact.phone(), contact.email(),
                "cold", 5, contact.notes(), contactVersion)).as("stale version").isZero();

        // An alert of its own, raised as the platform would: the demo's may all be acknowledged already,
        // and a test that skipped when none was left could not fail.
        UUID raised = TestWorkspace.owner().withHandle(h -> h.createQuery("insert into public.hot_lead_alerts (org_id, reason, urgency)"
                + " values (:org, 'DaoTest wants a call back', 'high') returning id").bind("org", org).mapTo(UUID.class).one());
        try {
            assertThat(manager.onDemand(HotLeadAlertDao.class).unacknowledged(1)).extracting(HotLeadAlert::id).containsExactly(raised);
            assertThat(manager.onDemand(HotLeadAlertDao.class).acknowledge(raised)).isTrue();
            assertThat(manager.onDemand(HotLeadAlertDao.class).acknowledge(raised)).as("only once").isFalse();
            assertThat(manager.onDemand(HotLeadAlertDao.class).unacknowledged(1)).extracting(HotLeadAlert::id).doesNotContain(raised);
        } finally {
            TestWorkspace.owner().useHandle(h -> h.execute("delete from public.hot_lead_alerts where id = ?", raised));
        }
        var profile = admin.onDemand(ProfileDao.class).all().stream().filter(p -> p.role().equals("user")).findFirst().orElseThrow();
        assertThat(admin.onDemand(ProfileDao.class).update(profile.id(), profile.fullName(), profile.phone(), "user", "active",
                profile.updatedAt().atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(manager.onDemand(ProfileDao.class).find(profile.id())).isPresent();
    }
}
