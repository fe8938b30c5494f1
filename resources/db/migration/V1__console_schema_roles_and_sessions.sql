-- The console part, first step: its group roles, who a login is, and the facts a console asks
-- at sign-in. Everything the console keeps lives in the schema voxconsole (Flyway creates it and
-- keeps its history there), never in public and never as columns of the platform's tables, so
-- `voxconsole detach` can take it all away again. Extension functions are called through the
-- schema they are installed in (${crypto} for pgcrypto on this database), never through public.

-- The owner keeps the rows in order for consoles and runs the SECURITY DEFINER helpers below,
-- which read profiles under the platform's row-level security: it must bypass RLS.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)) then
    raise exception 'The console must be attached by the schema owner, a role with SUPERUSER or BYPASSRLS; % has neither.', current_user
      using errcode = '42501';
  end if;
end $$;

-- pgcrypto (HMAC channel names, random secrets) is used where it is installed; only a database
-- without it gets it, in the console's own schema.
create extension if not exists pgcrypto with schema ${crypto};

-- vox_console: every console login is (indirectly) a member; holds what all of them share.
-- vox_user < vox_manager < vox_admin: each higher role is a member of the one below and so
-- inherits its grants and policies. A login role is granted exactly one of the three. Roles are
-- cluster-wide, so every CREATE ROLE is guarded: two databases on one server share them.
do $$
declare
  r text;
begin
  foreach r in array array['vox_console', 'vox_user', 'vox_manager', 'vox_admin'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I nologin nosuperuser nocreatedb nocreaterole inherit nobypassrls', r);
    end if;
  end loop;
end $$;

grant vox_console to vox_user;
grant vox_user to vox_manager;
grant vox_manager to vox_admin;

revoke all on schema voxconsole from public;
grant usage on schema voxconsole to vox_console;

-- Which login is which profile. No console role can read or write it.
create table voxconsole.console_logins (
  login_role name primary key,
  profile_id uuid not null unique references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);

-- The helpers look the caller up by session_user, which a non-superuser cannot change (SET ROLE
-- changes current_user only, and SECURITY DEFINER makes current_user the owner), so nothing a
-- client sends (set_config, SET ROLE, connection options) can widen what it sees. The profile's
-- role and status are authoritative: a demoted or suspended profile loses its rights at once.
--
-- PL/pgSQL rather than SQL: as SQL functions that cannot be inlined (SECURITY DEFINER, SET
-- search_path) their body was parsed and planned again in every statement, a third of a 0.4 ms
-- call-log page at a million calls; PL/pgSQL keeps the plan for the session (docs/PERFORMANCE.md).
-- STABLE and wrapped as (select ...) in policies: evaluated once per statement, not per row.
create function voxconsole.current_profile_id() returns uuid
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select l.profile_id
          from voxconsole.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;

create function voxconsole.current_org_id() returns uuid
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select p.org_id
          from voxconsole.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;

create function voxconsole.current_app_role() returns text
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select p.role
          from voxconsole.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;

-- Who the console is signed in as, read through the caller's own rights.
create view voxconsole.console_session with (security_invoker = true) as
  select p.id as profile_id, p.org_id, o.name as org_name, p.role, p.full_name, p.email, session_user::text as login_role
  from public.profiles p
  join public.organizations o on o.id = p.org_id
  where p.id = (select voxconsole.current_profile_id());

-- Which console schema a server has, for a console deciding at sign-in whether it can work with
-- it. Flyway's history is the owner's alone; consoles learn only the newest version applied.
create function voxconsole.schema_version() returns integer
  language sql stable security definer
  set search_path = ''
as $$
  select max(split_part(h.version, '.', 1)::integer) from voxconsole.flyway_schema_history h where h.success and h.version is not null
$$;

revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.current_profile_id(), voxconsole.current_org_id(), voxconsole.current_app_role(),
  voxconsole.schema_version() to vox_console;
grant select on voxconsole.console_session to vox_user;
