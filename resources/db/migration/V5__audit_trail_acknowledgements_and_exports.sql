-- The console's own records: the audit trail of writes to the tables consoles change, alert
-- acknowledgements, exports and console logins. They live in voxconsole, not in the platform's
-- audit_logs or as columns of its tables: the platform's tables need not have the columns they
-- would take (audit_logs.actor_login, hot_lead_alerts.acknowledged_at, ...), and what the
-- console writes there would outlive `voxconsole detach`.

create table voxconsole.audit_trail (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid,
  actor_login text not null default session_user,
  action      text not null constraint audit_trail_action_check
              check (action in ('insert', 'update', 'delete', 'export', 'login', 'acknowledge')),
  entity      text not null,
  entity_id   uuid,
  details     jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null default now()
);
create index audit_trail_org_id_created_at_idx on voxconsole.audit_trail (org_id, created_at desc);
create index audit_trail_org_id_entity_created_at_idx on voxconsole.audit_trail (org_id, entity, created_at desc);
create index audit_trail_org_id_actor_created_at_idx on voxconsole.audit_trail (org_id, actor_login, created_at desc);
create index audit_trail_entity_idx on voxconsole.audit_trail (entity, entity_id);

-- Admins read their organization's trail; nobody writes it but the functions and triggers here.
alter table voxconsole.audit_trail enable row level security;
alter table voxconsole.audit_trail force row level security;
create policy audit_trail_select on voxconsole.audit_trail for select to vox_admin
  using (org_id = (select voxconsole.current_org_id()));
grant select on voxconsole.audit_trail to vox_admin;

-- Who did what: session_user (a fact the database knows) and the console profile behind it
-- (null for writes from outside the console); old and new values of the changed columns only.
-- On the web app's writes an audit row that cannot be written is dropped with a warning, never
-- the write; a console's write is refused instead, since its trail must be complete.
create function voxconsole.audit_row() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  old_values jsonb;
  new_values jsonb;
  subject jsonb := coalesce(new_row, old_row);
begin
  begin
    if tg_op = 'UPDATE' then
      -- updated_at changes with every write and says nothing.
      select jsonb_object_agg(k, old_row -> k), jsonb_object_agg(k, new_row -> k)
        into old_values, new_values
      from jsonb_object_keys(new_row) k
      where k <> 'updated_at' and (new_row -> k) is distinct from (old_row -> k);
      if new_values is null then
        return null;
      end if;
    else
      old_values := old_row;
      new_values := new_row;
    end if;
    insert into voxconsole.audit_trail (org_id, actor_login, action, entity, entity_id, details)
    values ((subject ->> 'org_id')::uuid, session_user, lower(tg_op), tg_table_name, (subject ->> 'id')::uuid,
            jsonb_build_object('profile_id', voxconsole.current_profile_id(), 'old', old_values, 'new', new_values));
  exception when others then
    if pg_catalog.pg_has_role(session_user, 'vox_console', 'MEMBER') then
      raise;
    end if;
    raise warning 'voxconsole: no audit row for % on %: %', tg_op, tg_table_name, sqlerrm;
  end;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['appointments', 'contacts', 'hot_lead_alerts', 'profiles', 'org_tools', 'org_feature_flags',
                           'escalation_rules'] loop
    if to_regclass('public.' || t) is not null then
      execute format('create trigger voxconsole_audit after insert or update or delete on public.%I
                      for each row execute function voxconsole.audit_row()', t);
    end if;
  end loop;
end $$;

-- Bulk loads of history (the demo generator, an offline review database) are nobody's write to
-- audit or announce: the owner switches both off inside its own transaction and back on.
create function voxconsole.set_change_tracking(enabled boolean) returns void
  language plpgsql
  set search_path = ''
as $$
declare
  trg record;
begin
  for trg in
    select c.relname as table_name, t.tgname as trigger_name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
      and (t.tgname = 'voxconsole_audit' or t.tgname like 'voxconsole\_notify\_%')
  loop
    execute format('alter table public.%I %s trigger %I', trg.table_name, case when enabled then 'enable' else 'disable' end,
                   trg.trigger_name);
  end loop;
end $$;

-- Alert acknowledgements -----------------------------------------------------------------------

-- An alert (a hot lead alert, or a call whose urgency or sentiment calls for attention) is
-- acknowledged once per organization: the primary key says so, whoever comes second.
create table voxconsole.acknowledgements (
  entity          text not null constraint acknowledgements_entity_check check (entity in ('calls', 'hot_lead_alerts')),
  entity_id       uuid not null,
  org_id          uuid not null,
  profile_id      uuid,
  login_role      name not null default session_user,
  acknowledged_at timestamptz not null default now(),
  primary key (entity, entity_id)
);
create index acknowledgements_org_id_idx on voxconsole.acknowledgements (org_id, acknowledged_at);

-- Managers and admins only; the alert must be one of the caller's organization. Returns when it
-- was acknowledged, or null when someone was first. Other consoles learn of it live.
create function voxconsole.acknowledge(kind text, alert uuid) returns timestamptz
  language plpgsql volatile security definer
  set search_path = ''
as $$
declare
  org uuid := voxconsole.current_org_id();
  found_org uuid;
  at timestamptz;
begin
  if coalesce(voxconsole.current_app_role(), '') not in ('manager', 'admin') then
    raise exception 'Only managers and admins acknowledge alerts.' using errcode = '42501';
  end if;
  if kind = 'calls' then
    select c.org_id into found_org from public.calls c where c.id = alert and c.org_id = org;
  elsif kind = 'hot_lead_alerts' then
    select a.org_id into found_org from public.hot_lead_alerts a where a.id = alert and a.org_id = org;
  else
    raise exception 'Unknown kind of alert: %', kind using errcode = '22023';
  end if;
  if found_org is null then
    raise exception 'There is no such alert in your organization.' using errcode = 'P0002';
  end if;
  insert into voxconsole.acknowledgements (entity, entity_id, org_id, profile_id)
  values (kind, alert, org, voxconsole.current_profile_id())
  on conflict do nothing
  returning acknowledged_at into at;
  if at is not null then
    insert into voxconsole.audit_trail (org_id, actor_login, action, entity, entity_id, details)
    values (org, session_user, 'acknowledge', kind, alert, jsonb_build_object('profile_id', voxconsole.current_profile_id()));
    perform voxconsole.announce(kind, 'U', org, 1, array[alert]);
  end if;
  return at;
end $$;

-- Who acknowledged which of these alerts: only alerts of the caller's organization answer.
create function voxconsole.acknowledgements_of(kind text, alerts uuid[])
  returns table (entity_id uuid, acknowledged_at timestamptz, acknowledged_by text, profile_id uuid)
  language sql stable security definer
  set search_path = ''
as $$
  select k.entity_id, k.acknowledged_at, coalesce(p.full_name, p.email, k.login_role::text), k.profile_id
  from voxconsole.acknowledgements k
  left join public.profiles p on p.id = k.profile_id
  where k.entity = kind and k.entity_id = any(alerts) and k.org_id = voxconsole.current_org_id()
$$;

-- Alerts acknowledged since a moment, for a console catching up after a lost connection.
create function voxconsole.acknowledged_since(kind text, since timestamptz, max_rows integer)
  returns setof uuid
  language sql stable security definer
  set search_path = ''
as $$
  select k.entity_id from voxconsole.acknowledgements k
  where k.entity = kind and k.org_id = voxconsole.current_org_id() and k.acknowledged_at >= since
  limit max_rows
$$;

-- Exports ---------------------------------------------------------------------------------------

-- Every export lands in the trail. Console roles cannot write the trail directly (one a client
-- could write to freely would prove nothing), so they call this function, which records the
-- caller's organization and login as the database knows them, not as the client claims.
create function voxconsole.record_export(filter jsonb, row_count integer, redacted boolean, bundle_sha256 text)
  returns uuid
  language sql volatile security definer
  set search_path = ''
as $$
  insert into voxconsole.audit_trail (org_id, actor_login, action, entity, entity_id, details)
  select voxconsole.current_org_id(), session_user, 'export', 'calls', null,
         jsonb_build_object('filter', filter, 'rows', row_count, 'redacted', redacted, 'sha256', bundle_sha256,
                            'profile_id', voxconsole.current_profile_id())
  where voxconsole.current_org_id() is not null
  returning id
$$;

revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.current_profile_id(), voxconsole.current_org_id(), voxconsole.current_app_role(),
  voxconsole.schema_version(), voxconsole.my_change_channel(), voxconsole.acknowledge(text, uuid),
  voxconsole.acknowledgements_of(text, uuid[]), voxconsole.acknowledged_since(text, timestamptz, integer) to vox_console;
grant execute on function voxconsole.record_export(jsonb, integer, boolean, text) to vox_user;
