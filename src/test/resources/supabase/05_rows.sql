-- Production-like rows, some of which break the console's stricter rules: national-format and
-- withheld numbers, a bad e-mail, a duplicated phone, a value outside the SSOT's set.
insert into public.organizations (id, name, email, phone, plan, telephony_mode) values
  ('00000000-0000-4000-8000-000000000001', 'Riverside Dental', 'hello@riverside.example', '+442071230001', 'professional', 'managed'),
  ('00000000-0000-4000-8000-000000000002', 'Hale & Co Solicitors', 'office@hale.example', '020 7123 0002', 'enterprise', 'byoc'),
  ('00000000-0000-4000-8000-000000000003', 'Quickfix Plumbing', 'jobs@quickfix', null, 'starter', 'none');

insert into auth.users (id, email)
select ('00000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid, 'person' || g || '@example.com' from generate_series(1, 9) g;
insert into public.profiles (id, org_id, email, full_name, role, status)
select ('00000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-00000000000' || (1 + (g - 1) / 3))::uuid,
       'person' || g || '@example.com', 'Person ' || g, (array['admin', 'manager', 'user'])[1 + (g - 1) % 3], 'active'
from generate_series(1, 9) g;

insert into public.contacts (id, org_id, phone, email, first_name, last_name, lead_status, lead_score)
select ('00000000-0000-4000-8000-0000000020' || lpad(g::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-00000000000' || (1 + g % 3))::uuid,
       case when g = 7 then '07700 900007' when g = 4 then '+447700900001' else '+4477009000' || lpad(g::text, 2, '0') end,
       case when g = 5 then 'not-an-address' else 'contact' || g || '@mail.example' end,
       'First' || g, 'Last' || g, (array['hot', 'warm', 'cold', 'contacted'])[1 + g % 4], (g * 7) % 101
from generate_series(1, 30) g;

insert into public.calls (id, org_id, contact_id, call_direction, from_number, to_number, duration_seconds, status,
                          transcript, summary, sentiment_label, sentiment_score, sentiment_urgency, caller_name, vapi_call_id, created_at)
select ('00000000-0000-4000-8000-0000003' || lpad(g::text, 5, '0'))::uuid,
       ('00000000-0000-4000-8000-00000000000' || (1 + g % 3))::uuid,
       ('00000000-0000-4000-8000-0000000020' || lpad((1 + (g * 3) % 30)::text, 2, '0'))::uuid,
       case when g % 5 = 0 then 'outbound' else 'inbound' end,
       case when g % 37 = 0 then 'anonymous' else '+4477009' || lpad(g::text, 5, '0') end, '+442071230001',
       30 + g % 600, case when g % 11 = 0 then 'failed' else 'completed' end,
       'Agent: Thank you for calling. Caller: I need a refund for booking ' || g || '. Agent: I can help with that.',
       'Caller asked about a refund for booking ' || g || '.',
       (array['positive', 'neutral', 'negative'])[1 + g % 3], (g % 100) / 100.0,
       case when g = 13 then 'urgent' else (array['low', 'medium', 'high', 'critical'])[1 + g % 4] end,
       'Caller ' || g, 'vapi-' || g, timestamptz '2026-11-01 09:00+00' + g * interval '37 minutes'
from generate_series(1, 300) g;

insert into public.appointments (org_id, contact_id, title, scheduled_at, duration_minutes, status)
select c.org_id, c.id, 'Check-up', timestamptz '2026-11-20 10:00+00' + (row_number() over ()) * interval '1 hour', 30,
       (array['scheduled', 'completed', 'cancelled', 'no-show'])[1 + (row_number() over ())::int % 4]
from public.contacts c;

insert into public.hot_lead_alerts (org_id, call_id, reason, urgency)
select c.org_id, c.id, 'Wants to book today', 'high' from public.calls c where c.sentiment_urgency = 'critical' limit 12;

insert into public.feature_flags (name, description, enabled) values ('sms_confirmations', 'Text a booking confirmation', true);
insert into public.onboarding_submissions (email, phone, name, company) values ('lead@web.example', '+447700900999', 'Web Lead', 'Acme');
insert into public.audit_logs (org_id, action, entity, details) values ('00000000-0000-4000-8000-000000000001', 'update', 'organizations', '{}');

-- Configuration rows of the solicitors' office, in its own shape of those tables (04_web_app.sql).
insert into public.agents (org_id, name, status, voice_provider, model_provider, system_prompt, phone_number) values
  ('00000000-0000-4000-8000-000000000002', 'Reception', 'active', 'elevenlabs', 'openai', 'You answer for a law firm.', '+442071230002');
insert into public.services (org_id, name, duration_minutes) values ('00000000-0000-4000-8000-000000000002', 'first consultation', 60);
insert into public.escalation_rules (org_id, name, trigger_type, threshold, action) values
  ('00000000-0000-4000-8000-000000000002', 'Upset client', 'sentiment_below', 0.2, 'notify');
insert into public.security_audit_log (org_id, event_type, ip_address) values ('00000000-0000-4000-8000-000000000002', 'login_succeeded', '203.0.113.7');
insert into public.leads (org_id, contact_id, stage, source, notes) values
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000002001', 'qualified', 'website', 'Probate question');
