-- Which schema a server has, for a console deciding at sign-in whether it can work with it.
-- Flyway's history is the owner's alone; consoles learn only the newest version applied.

create function private.schema_version() returns integer
  language sql stable security definer
  set search_path = ''
as $$
  select max(split_part(h.version, '.', 1)::integer) from public.flyway_schema_history h where h.success and h.version is not null
$$;

revoke all on function private.schema_version() from public;
grant execute on function private.schema_version() to vox_console;
