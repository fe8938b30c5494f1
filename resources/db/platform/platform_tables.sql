-- The platform part: the schema SSOT's 26 tables as the platform itself has them, for a database
-- that holds none of them yet (`voxconsole migrate`, the demo workspace, offline review). The
-- console adds its own part on top exactly as it does on the platform's production database
-- (`voxconsole adopt`), so every demo and every test exercises adoption.
--
-- Deliberately plain, like a web app's tables: text columns for value sets and phone numbers,
-- the SSOT's foreign keys and single-column indexes, row-level security switched on (as on
-- Supabase) with no policies of its own. The console's stricter rules (E.164 phones, e-mail
-- format, value sets, uniqueness), its indexes, triggers and policies belong to the console part
-- (resources/db/migration, resources/db/console-indexes.sql). docs/schema.md says why.

create table public.organizations (
  id                   uuid primary key default gen_random_uuid(),
  name                 text not null,
  email                text not null,
  phone                text,
  website              text,
  plan                 text not null default 'starter',
  stripe_customer_id   text,
  wallet_balance_pence integer,
  telephony_mode       text not null default 'none',
  settings             jsonb,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index organizations_name_idx on public.organizations (name);
create index organizations_email_idx on public.organizations (email);
create index organizations_plan_idx on public.organizations (plan);
create index organizations_stripe_customer_id_idx on public.organizations (stripe_customer_id);
create index organizations_telephony_mode_idx on public.organizations (telephony_mode);

create table public.profiles (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null references public.organizations (id) on delete cascade,
  email      text not null,
  full_name  text,
  avatar_url text,
  role       text not null default 'user',
  phone      text,
  status     text not null default 'active',
  last_login timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_org_id_idx on public.profiles (org_id);
create index profiles_email_idx on public.profiles (email);
create index profiles_role_idx on public.profiles (role);
create index profiles_status_idx on public.profiles (status);

create table public.contacts (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references public.organizations (id) on delete cascade,
  phone             text not null,
  email             text,
  first_name        text not null,
  last_name         text not null,
  lead_status       text not null default 'cold',
  lead_score        integer,
  notes             text,
  last_contacted_at timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index contacts_org_id_idx on public.contacts (org_id);
create index contacts_phone_idx on public.contacts (phone);
create index contacts_lead_status_idx on public.contacts (lead_status);
create index contacts_lead_score_idx on public.contacts (lead_score);

create table public.calls (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references public.organizations (id) on delete cascade,
  contact_id        uuid references public.contacts (id) on delete set null,
  call_direction    text not null,
  from_number       text not null,
  to_number         text not null,
  duration_seconds  integer,
  status            text not null default 'pending',
  transcript        text,
  summary           text,
  sentiment_label   text,
  sentiment_score   numeric,
  sentiment_summary text,
  sentiment_urgency text,
  phone_number      text,
  caller_name       text,
  vapi_call_id      text,
  recording_url     text,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index calls_org_id_idx on public.calls (org_id);
create index calls_call_direction_idx on public.calls (call_direction);
create index calls_created_at_idx on public.calls (created_at);
create index calls_status_idx on public.calls (status);

create table public.appointments (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references public.organizations (id) on delete cascade,
  contact_id       uuid not null references public.contacts (id) on delete cascade,
  title            text not null,
  description      text,
  scheduled_at     timestamptz not null,
  duration_minutes integer not null default 30,
  status           text not null default 'scheduled',
  location         text,
  notes            text,
  reminder_sent_at timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index appointments_org_id_idx on public.appointments (org_id);
create index appointments_scheduled_at_idx on public.appointments (scheduled_at);
create index appointments_status_idx on public.appointments (status);
create index appointments_contact_id_idx on public.appointments (contact_id);

create table public.call_tracking (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references public.organizations (id) on delete cascade,
  call_id      uuid references public.calls (id) on delete set null,
  contact_id   uuid references public.contacts (id) on delete set null,
  tracked_url  text not null,
  utm_source   text,
  utm_medium   text,
  utm_campaign text,
  device_type  text,
  browser      text,
  os           text,
  ip_address   text,
  location     text,
  created_at   timestamptz not null default now()
);
create index call_tracking_org_id_idx on public.call_tracking (org_id);
create index call_tracking_call_id_idx on public.call_tracking (call_id);
create index call_tracking_created_at_idx on public.call_tracking (created_at);
create index call_tracking_utm_source_idx on public.call_tracking (utm_source);

create table public.feature_flags (
  id                 uuid primary key default gen_random_uuid(),
  name               text not null,
  description        text,
  enabled            boolean not null default false,
  rollout_percentage integer,
  created_at         timestamptz not null default now()
);
create index feature_flags_name_idx on public.feature_flags (name);
create index feature_flags_enabled_idx on public.feature_flags (enabled);

create table public.org_tools (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null references public.organizations (id) on delete cascade,
  tool_name  text not null,
  enabled    boolean not null default false,
  config     jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index org_tools_org_id_idx on public.org_tools (org_id);
create index org_tools_tool_name_idx on public.org_tools (tool_name);

create table public.onboarding_submissions (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid references public.organizations (id) on delete set null,
  email      text not null,
  phone      text not null,
  name       text not null,
  company    text,
  message    text,
  source     text,
  ip_address text,
  created_at timestamptz not null default now()
);
create index onboarding_submissions_org_id_idx on public.onboarding_submissions (org_id);
create index onboarding_submissions_email_idx on public.onboarding_submissions (email);
create index onboarding_submissions_created_at_idx on public.onboarding_submissions (created_at);

-- The seventeen configuration tables. The SSOT gives each one's purpose and column count only;
-- these columns are what a voice-AI platform needs (docs/schema.md), and the counts match. A
-- production database will have other columns: the console reads these tables through the
-- columns it finds.

create table public.knowledge_base (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references public.organizations (id) on delete cascade,
  title        text not null,
  category     text,
  content      text not null,
  source_url   text,
  content_type text not null default 'markdown'
               constraint knowledge_base_content_type_check check (content_type in ('text', 'markdown', 'faq', 'pdf', 'url')),
  status       text not null default 'draft'
               constraint knowledge_base_status_check check (status in ('draft', 'published', 'archived')),
  version      integer not null default 1 constraint knowledge_base_version_check check (version >= 1),
  created_by   uuid references public.profiles (id) on delete set null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint knowledge_base_org_id_id_key unique (org_id, id)
);
create index knowledge_base_org_id_idx on public.knowledge_base (org_id, status);

-- An agent is one configured voice assistant: who it is, how it sounds, which model thinks for
-- it, what it says first, when it works and where it hands a call over to a person.
create table public.agents (
  id                           uuid primary key default gen_random_uuid(),
  org_id                       uuid not null references public.organizations (id) on delete cascade,
  name                         text not null,
  description                  text,
  status                       text not null default 'draft'
                               constraint agents_status_check check (status in ('draft', 'active', 'paused', 'archived')),
  call_role                    text not null default 'inbound'
                               constraint agents_call_role_check check (call_role in ('inbound', 'outbound', 'both')),
  language                     text not null default 'en-GB' constraint agents_language_format check (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  voice_provider               text not null
                               constraint agents_voice_provider_check check (voice_provider in ('elevenlabs', 'azure', 'openai', 'deepgram', 'playht', 'cartesia')),
  voice_id                     text not null,
  voice_speed                  numeric not null default 1.0 constraint agents_voice_speed_check check (voice_speed between 0.5 and 2.0),
  voice_stability              numeric constraint agents_voice_stability_check check (voice_stability between 0.0 and 1.0),
  model_provider               text not null
                               constraint agents_model_provider_check check (model_provider in ('openai', 'anthropic', 'google', 'groq')),
  model_name                   text not null,
  temperature                  numeric not null default 0.7 constraint agents_temperature_check check (temperature between 0.0 and 2.0),
  max_tokens                   integer not null default 250 constraint agents_max_tokens_check check (max_tokens between 1 and 8192),
  system_prompt                text not null,
  first_message                text,
  first_message_mode           text not null default 'assistant-speaks-first'
                               constraint agents_first_message_mode_check check (first_message_mode in ('assistant-speaks-first', 'assistant-waits-for-user')),
  end_call_message             text,
  voicemail_message            text,
  transcriber_provider         text not null default 'deepgram'
                               constraint agents_transcriber_provider_check check (transcriber_provider in ('deepgram', 'assembly-ai', 'azure', 'openai')),
  transcriber_model            text,
  transcriber_language         text,
  phone_number                 text,
  vapi_assistant_id            text,
  vapi_phone_number_id         text,
  transfer_number              text,
  transfer_message             text,
  max_call_duration_seconds    integer not null default 900
                               constraint agents_max_call_duration_seconds_check check (max_call_duration_seconds between 30 and 7200),
  silence_timeout_seconds      integer not null default 30
                               constraint agents_silence_timeout_seconds_check check (silence_timeout_seconds between 5 and 600),
  response_delay_ms            integer not null default 400
                               constraint agents_response_delay_ms_check check (response_delay_ms between 0 and 5000),
  interruption_threshold_words integer not null default 2
                               constraint agents_interruption_threshold_words_check check (interruption_threshold_words between 0 and 20),
  background_sound             text not null default 'off'
                               constraint agents_background_sound_check check (background_sound in ('off', 'office', 'cafe')),
  recording_enabled            boolean not null default true,
  hipaa_enabled                boolean not null default false,
  business_hours               jsonb,
  timezone                     text not null default 'Europe/London',
  after_hours_behavior         text not null default 'voicemail'
                               constraint agents_after_hours_behavior_check check (after_hours_behavior in ('voicemail', 'transfer', 'take-message', 'hang-up')),
  knowledge_base_id            uuid,
  tools                        jsonb,
  structured_data_schema       jsonb,
  success_evaluation_prompt    text,
  metadata                     jsonb,
  created_at                   timestamptz not null default now(),
  updated_at                   timestamptz not null default now(),
  constraint agents_knowledge_base_id_fkey foreign key (org_id, knowledge_base_id)
    references public.knowledge_base (org_id, id) on delete set null (knowledge_base_id)
);
create index agents_org_id_idx on public.agents (org_id, status);
create index agents_knowledge_base_id_idx on public.agents (knowledge_base_id);

create table public.services (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references public.organizations (id) on delete cascade,
  name             text not null,
  description      text,
  duration_minutes integer not null default 30 constraint services_duration_minutes_check check (duration_minutes between 1 and 1440),
  price_pence      integer constraint services_price_pence_check check (price_pence >= 0),
  active           boolean not null default true,
  created_at       timestamptz not null default now()
);
create index services_org_id_idx on public.services (org_id, name);

-- RAG chunks have no org_id of their own: row-level security reaches them through their parent.
create table public.knowledge_base_chunks (
  id                uuid primary key default gen_random_uuid(),
  knowledge_base_id uuid not null references public.knowledge_base (id) on delete cascade,
  chunk_index       integer not null constraint knowledge_base_chunks_chunk_index_check check (chunk_index >= 0),
  content           text not null,
  token_count       integer constraint knowledge_base_chunks_token_count_check check (token_count >= 0),
  -- real[] rather than pgvector's vector: the embedded server ships no pgvector.
  embedding         real[],
  embedding_model   text,
  created_at        timestamptz not null default now(),
  constraint knowledge_base_chunks_position_key unique (knowledge_base_id, chunk_index)
);

create table public.knowledge_base_changelog (
  id                uuid primary key default gen_random_uuid(),
  knowledge_base_id uuid not null references public.knowledge_base (id) on delete cascade,
  version           integer not null,
  change_type       text not null
                    constraint knowledge_base_changelog_change_type_check check (change_type in ('created', 'updated', 'published', 'archived')),
  change_summary    text,
  changed_by        uuid references public.profiles (id) on delete set null,
  previous_content  text,
  created_at        timestamptz not null default now()
);
create index knowledge_base_changelog_kb_idx on public.knowledge_base_changelog (knowledge_base_id, version);

create table public.integrations (
  id             uuid primary key default gen_random_uuid(),
  org_id         uuid not null references public.organizations (id) on delete cascade,
  provider       text not null
                 constraint integrations_provider_check check (provider in ('google_calendar', 'outlook_calendar', 'hubspot', 'salesforce', 'slack', 'zapier', 'twilio')),
  display_name   text not null,
  status         text not null default 'pending'
                 constraint integrations_status_check check (status in ('connected', 'disconnected', 'error', 'pending')),
  config         jsonb,
  last_synced_at timestamptz,
  error_message  text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create unique index integrations_org_id_provider_idx on public.integrations (org_id, provider);

-- Secrets are stored encrypted (pgcrypto, key in private.vault_keys) and the ciphertext column is
-- granted to no console role: they may see that a key exists, its label and hint, never the key.
create table public.org_credentials (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references public.organizations (id) on delete cascade,
  provider          text not null,
  label             text not null,
  secret_ciphertext bytea not null,
  secret_hint       text constraint org_credentials_secret_hint_check check (length(secret_hint) <= 8),
  key_version       integer not null,
  expires_at        timestamptz,
  last_used_at      timestamptz,
  created_by        uuid references public.profiles (id) on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint org_credentials_org_id_id_key unique (org_id, id)
);
create unique index org_credentials_org_id_provider_label_idx on public.org_credentials (org_id, provider, label);

create table public.carrier_forwarding_rules (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid not null references public.organizations (id) on delete cascade,
  country_code       text not null constraint carrier_forwarding_rules_country_code_format check (country_code ~ '^[A-Z]{2}$'),
  carrier_name       text not null,
  forwarding_type    text not null
                     constraint carrier_forwarding_rules_forwarding_type_check check (forwarding_type in ('unconditional', 'busy', 'no_answer', 'unreachable')),
  activation_code    text not null,
  deactivation_code  text not null,
  destination_number text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index carrier_forwarding_rules_org_id_idx on public.carrier_forwarding_rules (org_id, country_code);

create table public.leads (
  id                  uuid primary key default gen_random_uuid(),
  org_id              uuid not null references public.organizations (id) on delete cascade,
  contact_id          uuid,
  source              text,
  stage               text not null default 'new'
                      constraint leads_stage_check check (stage in ('new', 'qualified', 'proposal', 'won', 'lost')),
  value_pence         integer constraint leads_value_pence_check check (value_pence >= 0),
  owner_profile_id    uuid references public.profiles (id) on delete set null,
  expected_close_date date,
  lost_reason         text,
  notes               text,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  constraint leads_contact_id_fkey foreign key (contact_id) references public.contacts (id) on delete set null
);
create index leads_org_id_idx on public.leads (org_id, stage);
create index leads_contact_id_idx on public.leads (contact_id);

-- Who did what. actor_login is session_user, a fact the database knows; the profile behind it is
-- recorded in details because a login role can later be dropped.
create table public.audit_logs (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid references public.organizations (id) on delete cascade,
  actor_login text not null default session_user,
  action      text not null constraint audit_logs_action_check check (action in ('insert', 'update', 'delete', 'export', 'login', 'acknowledge')),
  entity      text not null,
  entity_id   uuid,
  details     jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null default now()
);
create index audit_logs_org_id_created_at_idx on public.audit_logs (org_id, created_at desc);
create index audit_logs_entity_idx on public.audit_logs (entity, entity_id);

create table public.telephony_country_audit_log (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references public.organizations (id) on delete cascade,
  country_code     text not null constraint telephony_country_audit_log_country_code_format check (country_code ~ '^[A-Z]{2}$'),
  previous_mode    text constraint telephony_country_audit_log_previous_mode_check check (previous_mode in ('byoc', 'managed', 'none')),
  new_mode         text not null constraint telephony_country_audit_log_new_mode_check check (new_mode in ('byoc', 'managed', 'none')),
  phone_number     text,
  changed_by_login text not null default session_user,
  reason           text,
  details          jsonb,
  created_at       timestamptz not null default now()
);
create index telephony_country_audit_log_org_id_idx on public.telephony_country_audit_log (org_id, created_at desc);

create table public.security_audit_log (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid references public.organizations (id) on delete cascade,
  event_type text not null
             constraint security_audit_log_event_type_check check (event_type in ('login_succeeded', 'login_failed', 'login_created', 'login_dropped', 'role_changed', 'password_changed', 'access_denied')),
  login_role text,
  ip_address text,
  user_agent text,
  details    jsonb,
  created_at timestamptz not null default now()
);
create index security_audit_log_org_id_idx on public.security_audit_log (org_id, created_at desc);

create table public.org_feature_flags (
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null references public.organizations (id) on delete cascade,
  feature_flag_id uuid not null references public.feature_flags (id) on delete cascade,
  enabled         boolean not null,
  config          jsonb,
  notes           text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create unique index org_feature_flags_org_id_flag_idx on public.org_feature_flags (org_id, feature_flag_id);

create table public.hot_lead_alerts (
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null references public.organizations (id) on delete cascade,
  contact_id      uuid,
  call_id         uuid,
  reason          text not null,
  lead_score      integer constraint hot_lead_alerts_lead_score_check check (lead_score between 0 and 100),
  urgency         text not null default 'high'
                  constraint hot_lead_alerts_urgency_check check (urgency in ('low', 'medium', 'high', 'critical')),
  acknowledged_at timestamptz,
  acknowledged_by uuid references public.profiles (id) on delete set null,
  created_at      timestamptz not null default now(),
  constraint hot_lead_alerts_contact_id_fkey foreign key (contact_id) references public.contacts (id) on delete set null,
  constraint hot_lead_alerts_call_id_fkey foreign key (call_id) references public.calls (id) on delete set null,
  constraint hot_lead_alerts_acknowledged_pair check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index hot_lead_alerts_org_id_idx on public.hot_lead_alerts (org_id, created_at desc);
create index hot_lead_alerts_unacknowledged_idx on public.hot_lead_alerts (org_id, created_at desc) where acknowledged_at is null;
create index hot_lead_alerts_call_id_idx on public.hot_lead_alerts (call_id);
create index hot_lead_alerts_contact_id_idx on public.hot_lead_alerts (contact_id);

create table public.twilio_subaccounts (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references public.organizations (id) on delete cascade,
  account_sid   text not null constraint twilio_subaccounts_account_sid_format check (account_sid ~ '^AC[0-9a-f]{32}$'),
  friendly_name text not null,
  status        text not null default 'active'
                constraint twilio_subaccounts_status_check check (status in ('active', 'suspended', 'closed')),
  credential_id uuid,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  constraint twilio_subaccounts_credential_id_fkey foreign key (org_id, credential_id)
    references public.org_credentials (org_id, id) on delete set null (credential_id)
);
create unique index twilio_subaccounts_account_sid_idx on public.twilio_subaccounts (account_sid);
create index twilio_subaccounts_org_id_idx on public.twilio_subaccounts (org_id);

create table public.escalation_rules (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references public.organizations (id) on delete cascade,
  name         text not null,
  enabled      boolean not null default true,
  trigger_type text not null
               constraint escalation_rules_trigger_type_check check (trigger_type in ('sentiment_below', 'urgency_at_least', 'lead_score_above')),
  threshold    numeric not null,
  action       text not null constraint escalation_rules_action_check check (action in ('notify', 'transfer', 'sms', 'email')),
  target       text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint escalation_rules_threshold_range check (
    (trigger_type = 'sentiment_below' and threshold between 0 and 1)
    or (trigger_type = 'urgency_at_least' and threshold in (1, 2, 3, 4))
    or (trigger_type = 'lead_score_above' and threshold between 0 and 100))
);
create index escalation_rules_org_id_idx on public.escalation_rules (org_id);

-- Global, platform-owned: which integrations exist and how they are reached.
create table public.integration_settings (
  id           uuid primary key default gen_random_uuid(),
  provider     text not null,
  display_name text not null,
  enabled      boolean not null default true,
  config       jsonb,
  docs_url     text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create unique index integration_settings_provider_idx on public.integration_settings (provider);


-- Row-level security on, as the web app has it. With no policy of the platform's own here, only
-- the owner and the console's policies (added by the console part) see rows. Whatever default
-- privileges handed out on these new tables (Supabase gives anon, authenticated and service_role
-- everything in public) is taken back: a database the console creates exposes nothing.
do $$
declare
  t text;
  grantee text;
begin
  foreach t in array array['organizations', 'profiles', 'contacts', 'calls', 'appointments', 'call_tracking', 'feature_flags',
                           'org_tools', 'onboarding_submissions', 'knowledge_base', 'agents', 'services', 'knowledge_base_chunks',
                           'knowledge_base_changelog', 'integrations', 'org_credentials', 'carrier_forwarding_rules', 'leads',
                           'audit_logs', 'telephony_country_audit_log', 'security_audit_log', 'org_feature_flags', 'hot_lead_alerts',
                           'twilio_subaccounts', 'escalation_rules', 'integration_settings'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format('revoke all on public.%I from public', t);
    for grantee in
      select distinct a.grantee::regrole::text
      from pg_class c, aclexplode(c.relacl) a
      where c.oid = format('public.%I', t)::regclass and a.grantee <> 0 and a.grantee <> c.relowner
    loop
      execute format('revoke all on public.%I from %s', t, grantee);
    end loop;
  end loop;
end $$;
