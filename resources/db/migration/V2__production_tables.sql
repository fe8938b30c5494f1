-- The nine production tables of the schema SSOT, column for column.
-- Additions to the SSOT, each for a reason written beside it (see docs/schema.md):
--   * calls.search_vector: generated tsvector for full-text search over transcript and summary;
--   * (org_id, id) unique keys and composite foreign keys, so a row can never point at another
--     organization's contact or call even though each key alone is a UUID;
--   * indexes lead with org_id because every row-level-security policy filters on it.

create table public.organizations (
  id                   uuid primary key default gen_random_uuid(),
  name                 text not null constraint organizations_name_not_blank check (btrim(name) <> ''),
  email                public.email_address not null,
  phone                public.phone_e164,
  website              text,
  plan                 text not null default 'starter'
                       constraint organizations_plan_check check (plan in ('starter', 'professional', 'enterprise')),
  stripe_customer_id   text,
  wallet_balance_pence integer,
  telephony_mode       text not null default 'none'
                       constraint organizations_telephony_mode_check check (telephony_mode in ('byoc', 'managed', 'none')),
  settings             jsonb,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index organizations_name_idx on public.organizations (name);
create index organizations_email_idx on public.organizations (email);
create index organizations_plan_idx on public.organizations (plan);
create unique index organizations_stripe_customer_id_idx on public.organizations (stripe_customer_id);
create index organizations_telephony_mode_idx on public.organizations (telephony_mode);

create table public.profiles (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null references public.organizations (id) on delete cascade,
  email      public.email_address not null,
  full_name  text,
  avatar_url text,
  role       text not null default 'user'
             constraint profiles_role_check check (role in ('admin', 'manager', 'user')),
  phone      public.phone_e164,
  status     text not null default 'active'
             constraint profiles_status_check check (status in ('active', 'inactive', 'suspended')),
  last_login timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_org_id_idx on public.profiles (org_id);
create unique index profiles_email_idx on public.profiles (lower(email));
create index profiles_org_id_role_idx on public.profiles (org_id, role);
create index profiles_org_id_status_idx on public.profiles (org_id, status);

create table public.contacts (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references public.organizations (id) on delete cascade,
  phone             public.phone_e164 not null,
  email             public.email_address,
  first_name        text not null,
  last_name         text not null,
  lead_status       text not null default 'cold'
                    constraint contacts_lead_status_check check (lead_status in ('hot', 'warm', 'cold', 'contacted')),
  lead_score        integer constraint contacts_lead_score_check check (lead_score between 0 and 100),
  notes             text,
  last_contacted_at timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint contacts_org_id_id_key unique (org_id, id)
);
create index contacts_org_id_idx on public.contacts (org_id, last_name, first_name);
create unique index contacts_org_id_phone_idx on public.contacts (org_id, phone);
create index contacts_org_id_lead_status_idx on public.contacts (org_id, lead_status);
create index contacts_org_id_lead_score_idx on public.contacts (org_id, lead_score desc);

create table public.calls (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references public.organizations (id) on delete cascade,
  contact_id        uuid,
  call_direction    text not null
                    constraint calls_call_direction_check check (call_direction in ('inbound', 'outbound')),
  from_number       public.phone_e164 not null,
  to_number         public.phone_e164 not null,
  duration_seconds  integer constraint calls_duration_seconds_check check (duration_seconds >= 0),
  status            text not null default 'pending'
                    constraint calls_status_check check (status in ('pending', 'in_progress', 'completed', 'failed')),
  transcript        text,
  summary           text,
  sentiment_label   text constraint calls_sentiment_label_check check (sentiment_label in ('positive', 'neutral', 'negative')),
  sentiment_score   numeric constraint calls_sentiment_score_check check (sentiment_score between 0.0 and 1.0),
  sentiment_summary text,
  sentiment_urgency text constraint calls_sentiment_urgency_check check (sentiment_urgency in ('low', 'medium', 'high', 'critical')),
  phone_number      public.phone_e164,
  caller_name       text,
  vapi_call_id      text,
  recording_url     text constraint calls_recording_url_check check (recording_url ~ '^https?://'),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  -- Summary weighs more than the transcript: a hit there is what the call was about.
  search_vector     tsvector generated always as (
                      setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'A')
                      || setweight(to_tsvector('english'::regconfig, coalesce(transcript, '')), 'B')
                    ) stored,
  constraint calls_org_id_id_key unique (org_id, id),
  constraint calls_contact_id_fkey foreign key (org_id, contact_id)
    references public.contacts (org_id, id) on delete set null (contact_id)
);
-- The call log's keyset: newest first within one organization, id breaks ties.
create index calls_org_id_created_at_id_idx on public.calls (org_id, created_at desc, id desc);
create index calls_org_id_call_direction_idx on public.calls (org_id, call_direction, created_at desc, id desc);
create index calls_org_id_status_idx on public.calls (org_id, status, created_at desc, id desc);
create index calls_org_id_contact_id_idx on public.calls (org_id, contact_id, created_at desc);
create index calls_created_at_idx on public.calls (created_at);
create unique index calls_vapi_call_id_idx on public.calls (vapi_call_id);
create index calls_search_vector_idx on public.calls using gin (search_vector);

create table public.appointments (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references public.organizations (id) on delete cascade,
  contact_id       uuid not null,
  title            text not null constraint appointments_title_not_blank check (btrim(title) <> ''),
  description      text,
  scheduled_at     timestamptz not null,
  duration_minutes integer not null default 30
                   constraint appointments_duration_minutes_check check (duration_minutes between 1 and 1440),
  status           text not null default 'scheduled'
                   constraint appointments_status_check check (status in ('scheduled', 'completed', 'cancelled', 'no-show')),
  location         text,
  notes            text,
  reminder_sent_at timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint appointments_contact_id_fkey foreign key (org_id, contact_id)
    references public.contacts (org_id, id) on delete cascade
);
create index appointments_org_id_scheduled_at_idx on public.appointments (org_id, scheduled_at, id);
create index appointments_org_id_status_idx on public.appointments (org_id, status, scheduled_at);
create index appointments_contact_id_idx on public.appointments (contact_id, scheduled_at);

create table public.call_tracking (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references public.organizations (id) on delete cascade,
  call_id      uuid,
  contact_id   uuid,
  tracked_url  text not null,
  utm_source   text,
  utm_medium   text,
  utm_campaign text,
  device_type  text constraint call_tracking_device_type_check check (device_type in ('mobile', 'desktop', 'unknown')),
  browser      text,
  os           text,
  ip_address   text,
  location     text,
  created_at   timestamptz not null default now(),
  constraint call_tracking_call_id_fkey foreign key (org_id, call_id)
    references public.calls (org_id, id) on delete set null (call_id),
  constraint call_tracking_contact_id_fkey foreign key (org_id, contact_id)
    references public.contacts (org_id, id) on delete set null (contact_id)
);
create index call_tracking_org_id_created_at_idx on public.call_tracking (org_id, created_at desc);
create index call_tracking_call_id_idx on public.call_tracking (call_id);
create index call_tracking_contact_id_idx on public.call_tracking (contact_id);
create index call_tracking_org_id_utm_source_idx on public.call_tracking (org_id, utm_source);

-- Global, platform-owned toggles: no org_id. Organizations override them in org_feature_flags.
create table public.feature_flags (
  id                 uuid primary key default gen_random_uuid(),
  name               text not null constraint feature_flags_name_format check (name ~ '^[a-z][a-z0-9_.-]*$'),
  description        text,
  enabled            boolean not null default false,
  rollout_percentage integer constraint feature_flags_rollout_percentage_check check (rollout_percentage between 0 and 100),
  created_at         timestamptz not null default now()
);
create unique index feature_flags_name_idx on public.feature_flags (name);
create index feature_flags_enabled_idx on public.feature_flags (enabled);

create table public.org_tools (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null references public.organizations (id) on delete cascade,
  tool_name  text not null constraint org_tools_tool_name_format check (tool_name ~ '^[a-z][a-z0-9_]*$'),
  enabled    boolean not null default false,
  config     jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index org_tools_org_id_idx on public.org_tools (org_id);
create unique index org_tools_org_id_tool_name_idx on public.org_tools (org_id, tool_name);

-- org_id is nullable: a website lead may arrive before any organization claims it.
create table public.onboarding_submissions (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid references public.organizations (id) on delete set null,
  email      public.email_address not null,
  phone      public.phone_e164 not null,
  name       text not null,
  company    text,
  message    text,
  source     text,
  ip_address text,
  created_at timestamptz not null default now()
);
create index onboarding_submissions_org_id_idx on public.onboarding_submissions (org_id, created_at desc);
create index onboarding_submissions_email_idx on public.onboarding_submissions (email);
create index onboarding_submissions_created_at_idx on public.onboarding_submissions (created_at);
