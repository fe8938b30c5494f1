-- Row-level security asks "which organization is this login?" once per table per statement
-- (the policies wrap the call as an InitPlan). As LANGUAGE sql functions that are not inlinable
-- (SECURITY DEFINER, SET search_path), PostgreSQL parses and plans their body anew on every
-- statement: about 0.06 ms each, two or three per call-log page, a third of a 0.4 ms query.
-- PL/pgSQL keeps the body's plan for the session, which brought the RLS overhead of a deep
-- call-log page at a million calls from +33 % to a few per cent (docs/PERFORMANCE.md).
-- Same names, signatures, owner, security and grants; only the language changes.

create or replace function private.current_profile_id() returns uuid
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select l.profile_id
          from private.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;

create or replace function private.current_org_id() returns uuid
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select p.org_id
          from private.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;

create or replace function private.current_app_role() returns text
  language plpgsql stable security definer
  set search_path = ''
as $$
begin
  return (select p.role
          from private.console_logins l
          join public.profiles p on p.id = l.profile_id
          where l.login_role = session_user and p.status = 'active');
end
$$;
