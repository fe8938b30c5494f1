-- Who sees what. Every console user logs in as their own PostgreSQL role; the database, not the
-- client, decides what that role may read and change.
--
-- Identity: private.console_logins links a login role to a profile. No console role can read or
-- write it. The helpers below look the caller up by session_user, which a non-superuser cannot
-- change (SET ROLE changes current_user only, and SECURITY DEFINER makes current_user the owner),
-- so nothing a client sends (set_config, SET ROLE, connection options) can widen what it sees.

create table private.console_logins (
  login_role name primary key,
  profile_id uuid not null unique references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);
revoke all on private.console_logins from public;

-- Encryption keys for org_credentials. Readable by the owner only.
create table private.vault_keys (
  version    integer primary key,
  secret_key bytea not null,
  created_at timestamptz not null default now()
);
revoke all on private.vault_keys from public;
insert into private.vault_keys (version, secret_key) values (1, gen_random_bytes(32));

-- STABLE + wrapped as (select ...) in policies: evaluated once per statement, not once per row.
create function private.current_profile_id() returns uuid
  language sql stable security definer
  set search_path = ''
as $$
  select l.profile_id
  from private.console_logins l
  join public.profiles p on p.id = l.profile_id
  where l.login_role = session_user and p.status = 'active'
$$;

create function private.current_org_id() returns uuid
  language sql stable security definer
  set search_path = ''
as $$
  select p.org_id
  from private.console_logins l
  join public.profiles p on p.id = l.profile_id
  where l.login_role = session_user and p.status = 'active'
$$;

-- The profile's role is authoritative: a login whose profile was demoted loses the rights even
-- before an operator revokes its group role.
create function private.current_app_role() returns text
  language sql stable security definer
  set search_path = ''
as $$
  select p.role
  from private.console_logins l
  join public.profiles p on p.id = l.profile_id
  where l.login_role = session_user and p.status = 'active'
$$;

-- Encrypts a credential with the newest vault key; for the owner's tooling (seeding, imports).
create function private.encrypt_secret(plain text, out key_version integer, out ciphertext bytea)
  language sql volatile security definer
  set search_path = ''
as $$
  select k.version, public.pgp_sym_encrypt(plain, encode(k.secret_key, 'hex'), 'cipher-algo=aes256')
  from private.vault_keys k
  order by k.version desc
  limit 1
$$;

revoke all on all functions in schema private from public;
grant usage on schema private to vox_console;
grant execute on function private.current_profile_id(), private.current_org_id(), private.current_app_role() to vox_console;

-- Row-level security, enabled and forced on every table with org_id.
do $$
declare
  t text;
begin
  for t in
    select c.table_name from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'org_id' and tb.table_type = 'BASE TABLE'
  loop
    execute format('alter table public.%I enable row level security', t);
    execute format('alter table public.%I force row level security', t);
  end loop;
end $$;

-- The rest are enabled and forced too, so a future grant can never expose rows by accident.
alter table public.organizations enable row level security;
alter table public.organizations force row level security;
alter table public.knowledge_base_chunks enable row level security;
alter table public.knowledge_base_chunks force row level security;
alter table public.knowledge_base_changelog enable row level security;
alter table public.knowledge_base_changelog force row level security;
alter table public.feature_flags enable row level security;
alter table public.feature_flags force row level security;
alter table public.integration_settings enable row level security;
alter table public.integration_settings force row level security;

-- Reading: one SELECT policy per organization table, for the lowest role that may read it.
-- vox_manager and vox_admin are members of vox_user, so its policies apply to them too.
do $$
declare
  grant_row record;
begin
  for grant_row in
    select * from (values
      ('calls', 'vox_user'), ('contacts', 'vox_user'), ('appointments', 'vox_user'),
      ('call_tracking', 'vox_user'), ('profiles', 'vox_user'), ('org_tools', 'vox_user'),
      ('agents', 'vox_user'), ('services', 'vox_user'), ('knowledge_base', 'vox_user'),
      ('integrations', 'vox_user'), ('carrier_forwarding_rules', 'vox_user'), ('leads', 'vox_user'),
      ('org_feature_flags', 'vox_user'), ('hot_lead_alerts', 'vox_user'), ('escalation_rules', 'vox_user'),
      ('onboarding_submissions', 'vox_manager'),
      ('audit_logs', 'vox_admin'), ('telephony_country_audit_log', 'vox_admin'),
      ('security_audit_log', 'vox_admin'), ('org_credentials', 'vox_admin'), ('twilio_subaccounts', 'vox_admin')
    ) as g (table_name, role_name)
  loop
    execute format('create policy %I on public.%I for select to %I using (org_id = (select private.current_org_id()))',
                   grant_row.table_name || '_select_own_org', grant_row.table_name, grant_row.role_name);
    execute format('grant select on public.%I to %I', grant_row.table_name, grant_row.role_name);
  end loop;
end $$;

-- org_credentials: every column but the ciphertext, for admins only.
revoke select on public.org_credentials from vox_admin;
grant select (id, org_id, provider, label, secret_hint, key_version, expires_at, last_used_at, created_by, created_at, updated_at)
  on public.org_credentials to vox_admin;

create policy organizations_select_own on public.organizations for select to vox_user
  using (id = (select private.current_org_id()));
grant select on public.organizations to vox_user;

-- Children without org_id: visible exactly when their (RLS-filtered) parent is.
create policy knowledge_base_chunks_select_via_parent on public.knowledge_base_chunks for select to vox_user
  using (exists (select 1 from public.knowledge_base kb where kb.id = knowledge_base_id));
create policy knowledge_base_changelog_select_via_parent on public.knowledge_base_changelog for select to vox_user
  using (exists (select 1 from public.knowledge_base kb where kb.id = knowledge_base_id));
grant select on public.knowledge_base_chunks, public.knowledge_base_changelog to vox_user;

-- Platform-wide reference tables: every console role reads them, none writes.
create policy feature_flags_select_all on public.feature_flags for select to vox_user using (true);
create policy integration_settings_select_all on public.integration_settings for select to vox_user using (true);
grant select on public.feature_flags, public.integration_settings to vox_user;

-- Writing. Column-level grants say which fields a role may change at all; the policies say which
-- rows, and WITH CHECK keeps every changed row inside the caller's organization.
grant update (title, description, scheduled_at, duration_minutes, status, location, notes)
  on public.appointments to vox_manager;
create policy appointments_update_manager on public.appointments for update to vox_manager
  using (org_id = (select private.current_org_id()) and (select private.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select private.current_org_id()));

grant update (phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at)
  on public.contacts to vox_manager;
create policy contacts_update_manager on public.contacts for update to vox_manager
  using (org_id = (select private.current_org_id()) and (select private.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select private.current_org_id()));

grant update (acknowledged_at, acknowledged_by) on public.hot_lead_alerts to vox_manager;
create policy hot_lead_alerts_update_manager on public.hot_lead_alerts for update to vox_manager
  using (org_id = (select private.current_org_id()) and (select private.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select private.current_org_id()));

grant update (full_name, avatar_url, role, phone, status) on public.profiles to vox_admin;
create policy profiles_update_admin on public.profiles for update to vox_admin
  using (org_id = (select private.current_org_id()) and (select private.current_app_role()) = 'admin')
  with check (org_id = (select private.current_org_id()));

do $$
declare
  t text;
begin
  foreach t in array array['org_tools', 'org_feature_flags', 'escalation_rules'] loop
    execute format('grant insert, update, delete on public.%I to vox_admin', t);
    execute format($p$create policy %I on public.%I for insert to vox_admin
                      with check (org_id = (select private.current_org_id()) and (select private.current_app_role()) = 'admin')$p$,
                   t || '_insert_admin', t);
    execute format($p$create policy %I on public.%I for update to vox_admin
                      using (org_id = (select private.current_org_id()) and (select private.current_app_role()) = 'admin')
                      with check (org_id = (select private.current_org_id()))$p$,
                   t || '_update_admin', t);
    execute format($p$create policy %I on public.%I for delete to vox_admin
                      using (org_id = (select private.current_org_id()) and (select private.current_app_role()) = 'admin')$p$,
                   t || '_delete_admin', t);
  end loop;
end $$;

-- Who the console is signed in as, read through the caller's own rights.
create view public.console_session with (security_invoker = true) as
  select p.id as profile_id, p.org_id, o.name as org_name, p.role, p.full_name, p.email, session_user::text as login_role
  from public.profiles p
  join public.organizations o on o.id = p.org_id
  where p.id = (select private.current_profile_id());
grant select on public.console_session to vox_user;

-- Nothing in public is reachable by PUBLIC except what is granted above.
revoke all on all tables in schema public from public;
revoke create on schema public from public;
grant usage on schema public to vox_console;
