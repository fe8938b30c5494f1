-- The console's indexes on the platform's tables. Built CONCURRENTLY, one at a time and outside
-- any transaction, so the web app keeps reading and writing while they build (a plain CREATE
-- INDEX would block its writes for as long as the build takes). An interrupted build leaves an
-- invalid index behind: `voxconsole adopt` drops those and builds them again, so a rerun finishes
-- what a stopped one left. All are named voxconsole_*; `voxconsole detach` drops them by name.
-- Indexes lead with org_id because every row-level-security policy filters on it; the reasons
-- and measurements behind each are in docs/schema.md and docs/PERFORMANCE.md.

-- The call log's keyset (newest first within one organization, id breaks ties). It also carries
-- what the sentiment charts count, so the charts are an index-only scan: at a million calls a
-- 90-day chart touched ~40,000 heap pages, the index a few hundred.
create index concurrently if not exists voxconsole_calls_org_id_created_at_id_idx on public.calls
  (org_id, created_at desc, id desc) include (sentiment_label, sentiment_score, sentiment_urgency, call_direction, status);
create index concurrently if not exists voxconsole_calls_org_id_call_direction_idx on public.calls
  (org_id, call_direction, created_at desc, id desc);
create index concurrently if not exists voxconsole_calls_org_id_status_idx on public.calls (org_id, status, created_at desc, id desc);
create index concurrently if not exists voxconsole_calls_org_id_contact_id_idx on public.calls (org_id, contact_id, created_at desc);
-- Sorting by length pages by keyset on (length, created_at, id); calls without a length sort as -1.
create index concurrently if not exists voxconsole_calls_org_id_duration_idx on public.calls
  (org_id, (coalesce(duration_seconds, -1)) desc, created_at desc, id desc);
-- Catching up after a lost connection asks for rows changed since a moment.
create index concurrently if not exists voxconsole_calls_org_id_updated_at_idx on public.calls (org_id, updated_at);
-- The calendar's no-show signal "an unhappy call in the 30 days before": rare rows, a small index.
create index concurrently if not exists voxconsole_calls_negative_by_contact_idx on public.calls
  (org_id, contact_id, created_at) where sentiment_label = 'negative';
-- The signals (docs/SIGNALS.md): the same number ringing in again, an outbound follow-up to it,
-- an appointment made for the caller after a call. Partial on the direction, which each names.
create index concurrently if not exists voxconsole_calls_inbound_from_number_idx on public.calls
  (org_id, from_number, created_at) where call_direction = 'inbound';
create index concurrently if not exists voxconsole_calls_outbound_to_number_idx on public.calls
  (org_id, to_number, created_at) where call_direction = 'outbound';
create index concurrently if not exists voxconsole_appointments_contact_id_created_at_idx on public.appointments (contact_id, created_at);
-- The calendar: the month grid counts by day and status from the index alone.
create index concurrently if not exists voxconsole_appointments_org_id_scheduled_at_idx on public.appointments
  (org_id, scheduled_at, id) include (status);
create index concurrently if not exists voxconsole_appointments_org_id_status_idx on public.appointments (org_id, status, scheduled_at);
create index concurrently if not exists voxconsole_appointments_contact_id_idx on public.appointments (contact_id, scheduled_at);
create index concurrently if not exists voxconsole_appointments_org_id_updated_at_idx on public.appointments (org_id, updated_at);
create index concurrently if not exists voxconsole_appointments_no_show_idx on public.appointments
  (contact_id, scheduled_at) where status = 'no-show';

create index concurrently if not exists voxconsole_contacts_org_id_name_idx on public.contacts (org_id, last_name, first_name);
create index concurrently if not exists voxconsole_contacts_org_id_phone_idx on public.contacts (org_id, phone);
create index concurrently if not exists voxconsole_contacts_org_id_lead_status_idx on public.contacts (org_id, lead_status);
create index concurrently if not exists voxconsole_contacts_org_id_lead_score_idx on public.contacts (org_id, lead_score desc);
create index concurrently if not exists voxconsole_contacts_org_id_updated_at_idx on public.contacts (org_id, updated_at);

create index concurrently if not exists voxconsole_profiles_org_id_role_idx on public.profiles (org_id, role);

create index concurrently if not exists voxconsole_call_tracking_org_id_created_at_idx on public.call_tracking (org_id, created_at desc);
create index concurrently if not exists voxconsole_call_tracking_org_id_utm_source_idx on public.call_tracking (org_id, utm_source);
create index concurrently if not exists voxconsole_call_tracking_contact_id_idx on public.call_tracking (contact_id);

create index concurrently if not exists voxconsole_hot_lead_alerts_org_id_idx on public.hot_lead_alerts (org_id, created_at desc);
create index concurrently if not exists voxconsole_hot_lead_alerts_call_id_idx on public.hot_lead_alerts (call_id);
create index concurrently if not exists voxconsole_hot_lead_alerts_contact_id_idx on public.hot_lead_alerts (contact_id);

create index concurrently if not exists voxconsole_onboarding_submissions_org_id_idx on public.onboarding_submissions
  (org_id, created_at desc);
