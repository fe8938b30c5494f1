-- Foundation: extensions, the console's group roles, shared domains and the private schema.
-- Roles are cluster-wide, so every CREATE ROLE is guarded: two databases on one server share them.

-- The schema owner must be able to read every row for maintenance and for the SECURITY DEFINER
-- helpers below (they read profiles, which has FORCED row-level security).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)) then
    raise exception 'Migrations must run as the schema owner, a role with SUPERUSER or BYPASSRLS; % has neither.', current_user
      using errcode = '42501';
  end if;
end $$;

create extension if not exists pgcrypto with schema public;

-- vox_console: every console login is (indirectly) a member; holds what all of them share.
-- vox_user < vox_manager < vox_admin: each higher role is a member of the one below and so
-- inherits its grants and policies. A login role is granted exactly one of the three.
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

-- A login granted vox_admin inherits vox_manager's and vox_user's rights through this chain.
grant vox_console to vox_user;
grant vox_user to vox_manager;
grant vox_manager to vox_admin;

-- Value sets shared by many tables. Domains keep one definition (and one constraint name the
-- console translates into a sentence) for every phone and e-mail column.
create domain public.phone_e164 as text
  constraint phone_e164_format check (value ~ '^\+[1-9][0-9]{6,14}$');

create domain public.email_address as text
  constraint email_address_format check (
    length(value) <= 254
    and value ~ '^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$'
  );

-- private: what no console role may read or call directly except the few functions granted below.
create schema private;
revoke all on schema private from public;

-- Keeps updated_at honest whatever a client sends.
create function private.touch_updated_at() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end $$;
