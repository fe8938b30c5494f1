-- The seventeen configuration tables. The SSOT gives each one's purpose and column count only;
-- the columns are what a voice-AI platform needs (see docs/schema.md), and the counts match.

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
  phone_number                 public.phone_e164,
  vapi_assistant_id            text,
  vapi_phone_number_id         text,
  transfer_number              public.phone_e164,
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
  destination_number public.phone_e164 not null,
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
  constraint leads_contact_id_fkey foreign key (org_id, contact_id)
    references public.contacts (org_id, id) on delete set null (contact_id)
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
  phone_number     public.phone_e164,
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
  constraint hot_lead_alerts_contact_id_fkey foreign key (org_id, contact_id)
    references public.contacts (org_id, id) on delete set null (contact_id),
  constraint hot_lead_alerts_call_id_fkey foreign key (org_id, call_id)
    references public.calls (org_id, id) on delete set null (call_id),
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

-- updated_at is the server's, on every table that has it.
do $$
declare
  t text;
begin
  for t in
    select c.table_name from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'updated_at' and tb.table_type = 'BASE TABLE'
  loop
    execute format('create trigger %I before update on public.%I for each row execute function private.touch_updated_at()',
                   t || '_touch_updated_at', t);
  end loop;
end $$;
