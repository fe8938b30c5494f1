-- Every export lands in audit_logs. Console roles cannot insert there directly (an audit trail a
-- client could write to freely would prove nothing), so they call this function, which records the
-- caller's organization and login as the database knows them, not as the client claims.
create function private.record_export(filter jsonb, row_count integer, redacted boolean, bundle_sha256 text)
  returns uuid
  language sql volatile security definer
  set search_path = ''
as $$
  insert into public.audit_logs (org_id, actor_login, action, entity, entity_id, details)
  select private.current_org_id(), session_user, 'export', 'calls', null,
         jsonb_build_object('filter', filter, 'rows', row_count, 'redacted', redacted, 'sha256', bundle_sha256,
                            'profile_id', private.current_profile_id())
  where private.current_org_id() is not null
  returning id
$$;

revoke all on function private.record_export(jsonb, integer, boolean, text) from public;
grant execute on function private.record_export(jsonb, integer, boolean, text) to vox_user;
