-- Supabase's roles, from the public facts of supabase/postgres' init scripts (issue 13). Run by
-- the fixture's own superuser, supabase_admin, on a server of its own.
create role postgres login nosuperuser createdb createrole replication bypassrls password 'postgres-owner-pw';
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit password 'authenticator-pw';
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
