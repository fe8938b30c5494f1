-- Live updates and the audit trail, both kept by the database so no client can skip them.
--
-- Live updates: statement-level triggers send one NOTIFY per organization and statement. LISTEN
-- is not covered by row-level security (any login may listen on any channel), so:
--   * a payload names only the table, the operation and the row ids (or, for a bulk statement,
--     how many rows), never customer data; consoles fetch the rows through their own role;
--   * each organization has its own channel whose name is an HMAC of its id under a secret no
--     console role can read, so a login cannot even find another organization's channel to count
--     its traffic. private.my_change_channel() tells a console its own.
--
-- Audit trail: a row trigger on every table a console may write records who (login and profile),
-- what (table, row, old and new values of the changed columns) and when, for writes from the
-- console and from anywhere else alike.

create table private.change_channel_secret (
  only_row boolean primary key default true constraint change_channel_secret_one_row check (only_row),
  secret   bytea not null
);
revoke all on private.change_channel_secret from public;
insert into private.change_channel_secret (secret) values (gen_random_bytes(32));

-- 'vox_' and 40 hex digits: 44 characters, inside PostgreSQL's 63-character identifier limit.
create function private.change_channel(org uuid) returns text
  language sql stable security definer
  set search_path = ''
as $$
  select 'vox_' || left(encode(public.hmac(convert_to(org::text, 'UTF8'), s.secret, 'sha256'), 'hex'), 40)
  from private.change_channel_secret s
$$;

create function private.my_change_channel() returns text
  language sql stable security definer
  set search_path = ''
as $$
  select private.change_channel(private.current_org_id())
$$;

-- Up to 100 ids travel in one payload (far inside NOTIFY's 8000-byte limit); a statement that
-- touched more sends the count, and consoles reload what they show.
create function private.announce(table_name text, op text, org uuid, changed bigint, ids uuid[]) returns void
  language sql security definer
  set search_path = ''
as $$
  select pg_notify(private.change_channel(org),
    case when changed <= 100
      then jsonb_build_object('t', table_name, 'op', op, 'ids', to_jsonb(ids))::text
      else jsonb_build_object('t', table_name, 'op', op, 'n', changed)::text
    end)
$$;

-- One trigger function per operation: a trigger with transition tables has exactly one event.
create function private.notify_inserted() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  per_org record;
begin
  for per_org in select n.org_id, count(*) as changed, array_agg(n.id) as ids from new_rows n where n.org_id is not null group by n.org_id loop
    perform private.announce(tg_table_name, 'I', per_org.org_id, per_org.changed, per_org.ids);
  end loop;
  return null;
end $$;

create function private.notify_updated() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  per_org record;
begin
  for per_org in select n.org_id, count(*) as changed, array_agg(n.id) as ids from new_rows n where n.org_id is not null group by n.org_id loop
    perform private.announce(tg_table_name, 'U', per_org.org_id, per_org.changed, per_org.ids);
  end loop;
  return null;
end $$;

create function private.notify_deleted() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  per_org record;
begin
  for per_org in select o.org_id, count(*) as changed, array_agg(o.id) as ids from old_rows o where o.org_id is not null group by o.org_id loop
    perform private.announce(tg_table_name, 'D', per_org.org_id, per_org.changed, per_org.ids);
  end loop;
  return null;
end $$;

-- What a console watches: the floor (calls, appointments, alerts), the people it calls, and the
-- settings admins change.
do $$
declare
  t text;
begin
  foreach t in array array['calls', 'appointments', 'contacts', 'hot_lead_alerts', 'profiles', 'org_tools',
                           'org_feature_flags', 'escalation_rules'] loop
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows
                    for each statement execute function private.notify_inserted()', t || '_notify_insert', t);
    execute format('create trigger %I after update on public.%I referencing new table as new_rows
                    for each statement execute function private.notify_updated()', t || '_notify_update', t);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows
                    for each statement execute function private.notify_deleted()', t || '_notify_delete', t);
  end loop;
end $$;

-- Catching up after a lost connection asks for rows changed since a moment: one index per table.
create index calls_org_id_updated_at_idx on public.calls (org_id, updated_at);
create index appointments_org_id_updated_at_idx on public.appointments (org_id, updated_at);
create index contacts_org_id_updated_at_idx on public.contacts (org_id, updated_at);

-- The audit trail ------------------------------------------------------------------------------

create function private.audit_row() returns trigger
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
  if tg_op = 'UPDATE' then
    -- Only the columns that changed; updated_at changes with every write and says nothing.
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
  insert into public.audit_logs (org_id, actor_login, action, entity, entity_id, details)
  values ((subject ->> 'org_id')::uuid, session_user, lower(tg_op), tg_table_name, (subject ->> 'id')::uuid,
          jsonb_build_object('profile_id', private.current_profile_id(), 'old', old_values, 'new', new_values));
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['appointments', 'contacts', 'hot_lead_alerts', 'profiles', 'org_tools', 'org_feature_flags',
                           'escalation_rules'] loop
    execute format('create trigger %I after insert or update or delete on public.%I
                    for each row execute function private.audit_row()', t || '_audit', t);
  end loop;
end $$;

-- Bulk loads of history (the demo generator, an offline review database) are nobody's write to
-- audit or announce: the owner switches both off inside its own transaction and back on.
create function private.set_change_tracking(enabled boolean) returns void
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
      and (t.tgname like '%\_audit' or t.tgname like '%\_notify\_%')
  loop
    execute format('alter table public.%I %s trigger %I', trg.table_name, case when enabled then 'enable' else 'disable' end,
                   trg.trigger_name);
  end loop;
end $$;

-- Alerts on calls ------------------------------------------------------------------------------

-- A call that needs attention (high urgency, an unhappy caller) is acknowledged once per
-- organization; the acknowledgement is an audit row, written here so it names the caller as the
-- database knows them. Managers and admins only, as for hot lead alerts.
create function private.acknowledge_call(call uuid) returns timestamptz
  language plpgsql volatile security definer
  set search_path = ''
as $$
declare
  at timestamptz;
begin
  if coalesce(private.current_app_role(), '') not in ('manager', 'admin') then
    raise exception 'Only managers and admins acknowledge alerts.' using errcode = '42501';
  end if;
  perform pg_advisory_xact_lock(hashtextextended(call::text, 0));
  if exists (select 1 from public.audit_logs a where a.entity = 'calls' and a.entity_id = call and a.action = 'acknowledge') then
    return null;
  end if;
  insert into public.audit_logs (org_id, actor_login, action, entity, entity_id, details)
  select c.org_id, session_user, 'acknowledge', 'calls', c.id, jsonb_build_object('profile_id', private.current_profile_id())
  from public.calls c
  where c.id = call and c.org_id = private.current_org_id()
  returning created_at into at;
  if at is null then
    raise exception 'There is no such call in your organization.' using errcode = 'P0002';
  end if;
  return at;
end $$;

-- Who acknowledged which of these calls: only calls of the caller's organization answer.
create function private.call_acknowledgements(calls uuid[])
  returns table (call_id uuid, acknowledged_at timestamptz, acknowledged_by text)
  language sql stable security definer
  set search_path = ''
as $$
  select a.entity_id, a.created_at, coalesce(p.full_name, p.email, a.actor_login)
  from public.audit_logs a
  left join public.profiles p on p.id = (a.details ->> 'profile_id')::uuid
  where a.entity = 'calls' and a.action = 'acknowledge' and a.entity_id = any(calls)
    and a.org_id = private.current_org_id()
$$;

create index audit_logs_org_id_entity_created_at_idx on public.audit_logs (org_id, entity, created_at desc);
create index audit_logs_org_id_actor_created_at_idx on public.audit_logs (org_id, actor_login, created_at desc);

revoke all on all functions in schema private from public;
grant execute on function private.current_profile_id(), private.current_org_id(), private.current_app_role(),
  private.my_change_channel(), private.acknowledge_call(uuid), private.call_acknowledgements(uuid[]) to vox_console;
grant execute on function private.record_export(jsonb, integer, boolean, text) to vox_user;
