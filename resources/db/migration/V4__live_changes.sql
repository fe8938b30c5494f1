-- Live updates, kept by the database so no client can skip them.
--
-- Statement-level triggers send one NOTIFY per organization and statement. LISTEN is not covered
-- by row-level security (any login may listen on any channel), so:
--   * a payload names only the table, the operation and the row ids (or, for a bulk statement,
--     how many rows), never customer data; consoles fetch the rows through their own role;
--   * each organization has its own channel whose name is an HMAC of its id under a secret no
--     console role can read, so a login cannot even find another organization's channel to count
--     its traffic. voxconsole.my_change_channel() tells a console its own.
--
-- The triggers sit on the platform's tables and fire for the web app's writes too. They must
-- never make such a write fail: a notice that cannot be sent is dropped with a warning (consoles
-- catch up by updated_at when they reconnect), and they cost one NOTIFY per statement.

create table voxconsole.change_channel_secret (
  only_row boolean primary key default true constraint change_channel_secret_one_row check (only_row),
  secret   bytea not null
);
insert into voxconsole.change_channel_secret (secret) values (${crypto}.gen_random_bytes(32));

-- 'vox_' and 40 hex digits: 44 characters, inside PostgreSQL's 63-character identifier limit.
create function voxconsole.change_channel(org uuid) returns text
  language sql stable security definer
  set search_path = ''
as $$
  select 'vox_' || left(encode(${crypto}.hmac(convert_to(org::text, 'UTF8'), s.secret, 'sha256'), 'hex'), 40)
  from voxconsole.change_channel_secret s
$$;

create function voxconsole.my_change_channel() returns text
  language sql stable security definer
  set search_path = ''
as $$
  select voxconsole.change_channel(voxconsole.current_org_id())
$$;

-- Up to 100 ids travel in one payload (far inside NOTIFY's 8000-byte limit); a statement that
-- touched more sends the count, and consoles reload what they show.
create function voxconsole.announce(table_name text, op text, org uuid, changed bigint, ids uuid[]) returns void
  language sql security definer
  set search_path = ''
as $$
  select pg_notify(voxconsole.change_channel(org),
    case when changed <= 100
      then jsonb_build_object('t', table_name, 'op', op, 'ids', to_jsonb(ids))::text
      else jsonb_build_object('t', table_name, 'op', op, 'n', changed)::text
    end)
$$;

-- One function for the three triggers: a trigger with transition tables has exactly one event,
-- and PL/pgSQL plans only the branch it takes, so each call reads the one table it has.
create function voxconsole.notify_changed() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  per_org record;
begin
  if tg_op = 'DELETE' then
    for per_org in select o.org_id, count(*) as changed, array_agg(o.id) as ids from old_rows o where o.org_id is not null group by o.org_id loop
      perform voxconsole.announce(tg_table_name, 'D', per_org.org_id, per_org.changed, per_org.ids);
    end loop;
  else
    for per_org in select n.org_id, count(*) as changed, array_agg(n.id) as ids from new_rows n where n.org_id is not null group by n.org_id loop
      perform voxconsole.announce(tg_table_name, left(tg_op, 1), per_org.org_id, per_org.changed, per_org.ids);
    end loop;
  end if;
  return null;
exception when others then
  raise warning 'voxconsole: no live notice for % on %: %', tg_op, tg_table_name, sqlerrm;
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
    if to_regclass('public.' || t) is not null then
      execute format('create trigger voxconsole_notify_insert after insert on public.%I referencing new table as new_rows
                      for each statement execute function voxconsole.notify_changed()', t);
      execute format('create trigger voxconsole_notify_update after update on public.%I referencing new table as new_rows
                      for each statement execute function voxconsole.notify_changed()', t);
      execute format('create trigger voxconsole_notify_delete after delete on public.%I referencing old table as old_rows
                      for each statement execute function voxconsole.notify_changed()', t);
    end if;
  end loop;
end $$;

revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.current_profile_id(), voxconsole.current_org_id(), voxconsole.current_app_role(),
  voxconsole.schema_version(), voxconsole.my_change_channel() to vox_console;
