-- Inside the project's database, as supabase_admin: extensions in their own schema, auth, and the
-- default privileges that hand every new object in public to the API's roles.
create schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension pgcrypto with schema extensions;
create extension "uuid-ossp" with schema extensions;

create schema auth;
grant usage on schema auth to postgres, anon, authenticated, service_role;
create table auth.users (
  id         uuid primary key,
  email      text,
  created_at timestamptz not null default now()
);
grant select on auth.users to postgres;
create function auth.uid() returns uuid
  language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
$$;
grant execute on function auth.uid() to postgres, anon, authenticated, service_role;

grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
