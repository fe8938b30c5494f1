-- Who sees what. Every console user logs in as their own PostgreSQL role; the database, not the
-- client, decides what that role may read and change.
--
-- Additive only: the policies below are the console's own (named voxconsole_*, for the vox_*
-- roles alone), beside whatever policies the platform's web app has for its roles. Row-level
-- security itself is the platform's switch: the console never turns it on or off (that would
-- change what the web app sees) and refuses a table of organizations' rows that has it off.
-- Configuration tables the platform does not have are skipped; the console reads what exists.

do $$
declare
  t text;
begin
  foreach t in array array['calls', 'contacts', 'appointments', 'call_tracking', 'profiles', 'org_tools', 'organizations',
                           'onboarding_submissions', 'hot_lead_alerts'] loop
    if not (select c.relrowsecurity from pg_class c where c.oid = format('public.%I', t)::regclass) then
      raise exception 'public.% has row-level security switched off; the console will not switch it on for you, since that would change what the web app sees.', t
        using errcode = '55000';
    end if;
  end loop;
end $$;

-- Reading: one SELECT policy per organization table, for the lowest role that may read it.
-- vox_manager and vox_admin are members of vox_user, so its policies apply to them too.
do $$
declare
  g record;
begin
  for g in
    select * from (values
      ('calls', 'vox_user'), ('contacts', 'vox_user'), ('appointments', 'vox_user'),
      ('call_tracking', 'vox_user'), ('profiles', 'vox_user'), ('org_tools', 'vox_user'),
      ('agents', 'vox_user'), ('services', 'vox_user'), ('knowledge_base', 'vox_user'),
      ('integrations', 'vox_user'), ('carrier_forwarding_rules', 'vox_user'), ('leads', 'vox_user'),
      ('org_feature_flags', 'vox_user'), ('hot_lead_alerts', 'vox_user'), ('escalation_rules', 'vox_user'),
      ('onboarding_submissions', 'vox_manager'),
      ('audit_logs', 'vox_admin'), ('telephony_country_audit_log', 'vox_admin'),
      ('security_audit_log', 'vox_admin'), ('twilio_subaccounts', 'vox_admin')
    ) as v (table_name, role_name)
    where exists (select 1 from pg_attribute a
                  where a.attrelid = to_regclass('public.' || quote_ident(v.table_name)) and a.attname = 'org_id' and not a.attisdropped)
  loop
    execute format('create policy %I on public.%I for select to %I using (org_id = (select voxconsole.current_org_id()))',
                   'voxconsole_' || g.table_name || '_select', g.table_name, g.role_name);
    execute format('grant select on public.%I to %I', g.table_name, g.role_name);
  end loop;
end $$;

-- org_credentials: admins see that a key exists (provider, label, hint, dates), never a secret:
-- only the columns on this list that the platform's table has are granted.
do $$
declare
  cols text;
begin
  if to_regclass('public.org_credentials') is not null then
    select string_agg(quote_ident(a.attname), ', ') into cols
    from pg_attribute a
    where a.attrelid = 'public.org_credentials'::regclass and not a.attisdropped and a.attnum > 0
      and a.attname in ('id', 'org_id', 'provider', 'label', 'secret_hint', 'key_version', 'expires_at', 'last_used_at',
                        'created_by', 'created_at', 'updated_at');
    execute 'create policy voxconsole_org_credentials_select on public.org_credentials for select to vox_admin '
            'using (org_id = (select voxconsole.current_org_id()))';
    execute format('grant select (%s) on public.org_credentials to vox_admin', cols);
  end if;
end $$;

create policy voxconsole_organizations_select on public.organizations for select to vox_user
  using (id = (select voxconsole.current_org_id()));
grant select on public.organizations to vox_user;

-- Children without org_id: visible exactly when their (RLS-filtered) parent is.
do $$
declare
  t text;
begin
  foreach t in array array['knowledge_base_chunks', 'knowledge_base_changelog'] loop
    if to_regclass('public.' || t) is not null and to_regclass('public.knowledge_base') is not null then
      execute format('create policy %I on public.%I for select to vox_user
                      using (exists (select 1 from public.knowledge_base kb where kb.id = knowledge_base_id))',
                     'voxconsole_' || t || '_select', t);
      execute format('grant select on public.%I to vox_user', t);
    end if;
  end loop;
  -- Platform-wide reference tables: every console role reads them, none writes.
  foreach t in array array['feature_flags', 'integration_settings'] loop
    if to_regclass('public.' || t) is not null then
      execute format('create policy %I on public.%I for select to vox_user using (true)', 'voxconsole_' || t || '_select', t);
      execute format('grant select on public.%I to vox_user', t);
    end if;
  end loop;
end $$;

-- Writing. Column-level grants say which fields a role may change at all; the policies say which
-- rows, and WITH CHECK keeps every changed row inside the caller's organization.
grant update (title, description, scheduled_at, duration_minutes, status, location, notes)
  on public.appointments to vox_manager;
create policy voxconsole_appointments_update on public.appointments for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select voxconsole.current_org_id()));

grant update (phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at)
  on public.contacts to vox_manager;
create policy voxconsole_contacts_update on public.contacts for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select voxconsole.current_org_id()));

grant update (full_name, avatar_url, role, phone, status) on public.profiles to vox_admin;
create policy voxconsole_profiles_update on public.profiles for update to vox_admin
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')
  with check (org_id = (select voxconsole.current_org_id()));

do $$
declare
  t text;
begin
  foreach t in array array['org_tools', 'org_feature_flags', 'escalation_rules'] loop
    if to_regclass('public.' || t) is not null then
      execute format('grant insert, update, delete on public.%I to vox_admin', t);
      execute format($p$create policy %I on public.%I for insert to vox_admin
                        with check (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')$p$,
                     'voxconsole_' || t || '_insert', t);
      execute format($p$create policy %I on public.%I for update to vox_admin
                        using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')
                        with check (org_id = (select voxconsole.current_org_id()))$p$,
                     'voxconsole_' || t || '_update', t);
      execute format($p$create policy %I on public.%I for delete to vox_admin
                        using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')$p$,
                     'voxconsole_' || t || '_delete', t);
    end if;
  end loop;
end $$;

grant usage on schema public to vox_console;
