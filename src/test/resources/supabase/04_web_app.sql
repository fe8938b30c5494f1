-- The web app's side, as postgres after its tables exist: its production tables differ from the
-- console's demo ones (no acknowledgement columns, no actor_login), and it has its own policies
-- for authenticated users and a sign-up form open to anon.
alter table public.hot_lead_alerts drop column acknowledged_at, drop column acknowledged_by;
alter table public.audit_logs drop column actor_login;
-- Its configuration tables are its own (the SSOT gives them only a purpose and a column count):
-- fields the console's demo has are missing here, one table is not there at all, and the switch
-- overrides have no unique key. The console reads what exists and writes only where it can.
alter table public.agents drop column voice_id, drop column model_name, drop column business_hours;
alter table public.services drop column price_pence;
alter table public.escalation_rules drop column target;
alter table public.org_feature_flags drop column notes;
drop index public.org_feature_flags_org_id_flag_idx;
alter table public.security_audit_log drop column login_role;
alter table public.hot_lead_alerts drop column lead_score, drop column contact_id;
alter table public.leads drop column lost_reason, drop column owner_profile_id;
alter table public.twilio_subaccounts drop column friendly_name;
drop table public.knowledge_base_changelog;

do $$
declare
  t text;
begin
  foreach t in array array['calls', 'contacts', 'appointments', 'call_tracking', 'org_tools', 'hot_lead_alerts', 'agents',
                           'services', 'knowledge_base', 'integrations', 'leads', 'escalation_rules', 'org_feature_flags'] loop
    execute format('create policy %I on public.%I for all to authenticated
                    using (org_id = (select org_id from public.profiles where id = auth.uid()))
                    with check (org_id = (select org_id from public.profiles where id = auth.uid()))', t || '_org_members', t);
  end loop;
end $$;
create policy profiles_self on public.profiles for select to authenticated using (id = auth.uid());
create policy organizations_members on public.organizations for select to authenticated
  using (id = (select org_id from public.profiles where id = auth.uid()));
create policy onboarding_sign_up on public.onboarding_submissions for insert to anon with check (true);
create policy feature_flags_read on public.feature_flags for select to anon, authenticated using (true);
