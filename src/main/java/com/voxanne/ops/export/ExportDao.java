package com.voxanne.ops.export;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The export's SQL beside the call pages (CallDao): the contacts, appointments and tracking of the
 * exported calls, read as plain rows for the bundle, and the export recorded in the audit trail.
 * On the export's one read-only snapshot, so every entry agrees with the calls.
 */
final class ExportDao {

    private final Handle h;

    ExportDao(Handle h) {
        this.h = h;
    }

    /** The newest version of each form in use, with its questions, as one JSON document per line (the database writes it). */
    List<String> scorecards() {
        return h.createQuery("""
                        select json_build_object('versionId', v.id, 'formId', f.id, 'formName', f.name, 'kind', f.kind, 'version', v.version,
                                                 'passMark', v.pass_mark,
                                                 'questions', (select coalesce(json_agg(json_build_object('id', q.id, 'section', q.section,
                                                                   'position', q.position, 'prompt', q.prompt, 'help', q.help,
                                                                   'answerType', q.answer_type, 'choices', q.choices, 'weight', q.weight,
                                                                   'allowsNa', q.allows_na, 'critical', q.critical) order by q.position), '[]')
                                               from voxconsole.scorecard_questions q where q.version_id = v.id))::text
                        from voxconsole.scorecard_forms f
                        join lateral (select * from voxconsole.scorecard_versions v where v.form_id = f.id order by v.version desc limit 1) v on true
                        where f.archived_at is null
                        order by f.created_at, f.id""")
                .mapTo(String.class).list();
    }

    List<Map<String, Object>> contacts(List<UUID> ids) {
        return h.createQuery("""
                        select id, phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at, created_at,
                               updated_at
                        from public.contacts where id = any(:ids) order by id""")
                .bindArray("ids", UUID.class, ids).mapToMap().list();
    }

    List<Map<String, Object>> appointmentsOf(List<UUID> contactIds) {
        return h.createQuery("""
                        select id, contact_id, title, description, scheduled_at, duration_minutes, status, location, notes,
                               reminder_sent_at, created_at, updated_at
                        from public.appointments where contact_id = any(:ids) order by contact_id, scheduled_at, id""")
                .bindArray("ids", UUID.class, contactIds).mapToMap().list();
    }

    List<Map<String, Object>> trackingOf(List<UUID> callIds) {
        return h.createQuery("""
                        select id, call_id, contact_id, tracked_url, utm_source, utm_medium, utm_campaign, device_type, browser, os,
                               ip_address, location, created_at
                        from public.call_tracking where call_id = any(:ids) order by call_id, created_at, id""")
                .bindArray("ids", UUID.class, callIds).mapToMap().list();
    }

    /** Into the audit trail, as the person who exported: what was exported, how many calls, redacted or not, the bundle's hash. */
    void recordExport(String filterJson, int calls, boolean redacted, String sha256) {
        h.createQuery("select voxconsole.record_export(cast(:filter as jsonb), :rows, :redacted, :sha)")
                .bind("filter", filterJson).bind("rows", calls).bind("redacted", redacted).bind("sha", sha256).mapTo(String.class).one();
    }
}
