-- The console's data rules (E.164 phone numbers, e-mail addresses, value sets, ranges) bind what
-- consoles write, and only that. The platform's own writers keep writing exactly as before: a
-- CHECK constraint, even NOT VALID, would refuse every new row that breaks it, so a web app that
-- stores a withheld caller as 'anonymous' or a national phone number would start failing the
-- moment the console was attached. `voxconsole adopt --dry-run` counts the rows that break these
-- rules, so an operator sees the state of the data; the console shows such rows as they are, and
-- a supervisor who changes one of those fields must give a value that passes.
--
-- Each rule raises check_violation under a stable constraint name, which the console turns into
-- one sentence (ConstraintMessages); a test checks every name has one.

create function voxconsole.is_e164(phone text) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$ select phone ~ '^\+[1-9][0-9]{6,14}$' $$;

create function voxconsole.is_email(address text) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select length(address) <= 254
     and address ~ '^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$'
$$;

create function voxconsole.refuse(rule text, detail text) returns void
  language plpgsql immutable
  set search_path = ''
as $$
begin
  raise exception 'new row breaks the console rule %: %', rule, detail using errcode = '23514', constraint = rule;
end
$$;

-- On an update only the fields that change are judged: a supervisor who edits the notes of a
-- contact whose number the platform stored in another form is not stopped by the number.
create function voxconsole.check_contact() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  if (tg_op = 'INSERT' or new.phone is distinct from old.phone) and not voxconsole.is_e164(new.phone) then
    perform voxconsole.refuse('phone_e164_format', 'phone');
  end if;
  if (tg_op = 'INSERT' or new.email is distinct from old.email) and new.email is not null and not voxconsole.is_email(new.email) then
    perform voxconsole.refuse('email_address_format', 'email');
  end if;
  if (tg_op = 'INSERT' or new.lead_status is distinct from old.lead_status)
     and new.lead_status not in ('hot', 'warm', 'cold', 'contacted') then
    perform voxconsole.refuse('contacts_lead_status_check', 'lead_status');
  end if;
  if (tg_op = 'INSERT' or new.lead_score is distinct from old.lead_score) and new.lead_score not between 0 and 100 then
    perform voxconsole.refuse('contacts_lead_score_check', 'lead_score');
  end if;
  return new;
end
$$;

create function voxconsole.check_appointment() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  if (tg_op = 'INSERT' or new.title is distinct from old.title) and btrim(coalesce(new.title, '')) = '' then
    perform voxconsole.refuse('appointments_title_not_blank', 'title');
  end if;
  if (tg_op = 'INSERT' or new.duration_minutes is distinct from old.duration_minutes) and new.duration_minutes not between 1 and 1440 then
    perform voxconsole.refuse('appointments_duration_minutes_check', 'duration_minutes');
  end if;
  if (tg_op = 'INSERT' or new.status is distinct from old.status)
     and new.status not in ('scheduled', 'completed', 'cancelled', 'no-show') then
    perform voxconsole.refuse('appointments_status_check', 'status');
  end if;
  return new;
end
$$;

create function voxconsole.check_profile() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  if (tg_op = 'INSERT' or new.role is distinct from old.role) and new.role not in ('admin', 'manager', 'user') then
    perform voxconsole.refuse('profiles_role_check', 'role');
  end if;
  if (tg_op = 'INSERT' or new.status is distinct from old.status) and new.status not in ('active', 'inactive', 'suspended') then
    perform voxconsole.refuse('profiles_status_check', 'status');
  end if;
  if (tg_op = 'INSERT' or new.phone is distinct from old.phone) and new.phone is not null and not voxconsole.is_e164(new.phone) then
    perform voxconsole.refuse('phone_e164_format', 'phone');
  end if;
  return new;
end
$$;

create function voxconsole.check_org_tool() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  if (tg_op = 'INSERT' or new.tool_name is distinct from old.tool_name) and new.tool_name !~ '^[a-z][a-z0-9_]*$' then
    perform voxconsole.refuse('org_tools_tool_name_format', 'tool_name');
  end if;
  return new;
end
$$;

-- The console's optimistic saves compare updated_at; a console's own write always moves it,
-- whatever the platform does with the column.
create function voxconsole.touch_updated_at() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Fired for console logins only (pg_has_role is a catalog cache lookup, so a web-app write pays
-- one cheap test and nothing else). Superusers are members of every role: on a database the
-- console made itself, its owner's writes (the demo's live traffic, tests) are judged too.
do $$
declare
  r record;
begin
  for r in select * from (values ('contacts', 'check_contact'), ('appointments', 'check_appointment'),
                                 ('profiles', 'check_profile'), ('org_tools', 'check_org_tool')) as v (table_name, fn)
           where to_regclass('public.' || quote_ident(v.table_name)) is not null loop
    execute format($t$create trigger voxconsole_rules before insert or update on public.%I for each row
                      when (pg_catalog.pg_has_role(session_user, 'vox_console', 'MEMBER'))
                      execute function voxconsole.%I()$t$, r.table_name, r.fn);
  end loop;
  for r in
    select c.relname as table_name from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'updated_at' and not a.attisdropped
      and c.relname in ('organizations', 'profiles', 'contacts', 'calls', 'appointments', 'org_tools', 'knowledge_base', 'integrations',
                        'org_credentials', 'carrier_forwarding_rules', 'leads', 'org_feature_flags', 'twilio_subaccounts',
                        'escalation_rules', 'integration_settings', 'agents')
  loop
    execute format($t$create trigger voxconsole_touch_updated_at before update on public.%I for each row
                      when (pg_catalog.pg_has_role(session_user, 'vox_console', 'MEMBER'))
                      execute function voxconsole.touch_updated_at()$t$, r.table_name);
  end loop;
end $$;

revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.current_profile_id(), voxconsole.current_org_id(), voxconsole.current_app_role(),
  voxconsole.schema_version() to vox_console;
