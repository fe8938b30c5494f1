-- The signals of issue 16 (docs/SIGNALS.md), kept as the platform writes, not found again at each
-- question.
--
-- V7 kept what each call's words say; the rest of a signal (the appointments made in the booking
-- window, the first later call from the number, the alerts, the follow-up) was a query at the
-- moment of the question: six index probes a call, 48-64 ms for a day of the largest organization
-- at a million calls and about a second for a month, where the call log's budget is 5 ms and the
-- charts' 150 ms (docs/PERFORMANCE.md). Here every call's signals are found once, by the same
-- rules, and found again for exactly the calls a write of the platform can change:
--
--   a call written       the call, and the calls of its number in the 72 hours before it (the
--                        later call of repeat_call, the outbound follow-up);
--   an appointment       the calls of its contact in the 72 hours before it was made (the booking
--                        window, the follow-up, the no-show);
--   an alert             its call;
--   a contact made hot   (or no longer hot) the calls of that contact before its change.
--
-- What depends on the clock ("24 hours have passed without a follow-up") is kept as the moment
-- from which the signal holds (holds_from), and the question compares it with its own moment: a
-- follow-up that comes in time is a write, and that write removes the signal. 72 hours covers the
-- longest window (48 hours after a call's end) for calls up to a day long.
--
-- The rules are written once, in voxconsole.signals_of; the console and `voxconsole review signals`
-- read the kept rows under row-level security (the organization's own, as for the calls).

-- Which readings have had their signals kept: adopt's backfill and the demo load find the calls
-- still to do by this, so a rerun finishes what a stopped one left.
alter table voxconsole.call_readings add column signals_kept boolean not null default false;
create index call_readings_signals_not_kept_idx on voxconsole.call_readings (call_id) where not signals_kept;

create table voxconsole.call_signals (
  call_id         uuid not null,
  kind            text not null constraint call_signals_kind_check check (kind in ('booking_not_found', 'booking_mismatch',
                    'repeat_call', 'no_show_after_booking', 'hot_lead_no_follow_up', 'unresolved_negative', 'dropped')),
  org_id          uuid not null,
  created_at      timestamptz not null,
  -- The call's day in the organization's time zone: the chart counts by it.
  day             date not null,
  -- From this moment on the signal holds (until a write removes it).
  holds_from      timestamptz not null,
  evidence        text not null,
  -- The later call of a repeat_call.
  related_call_id uuid,
  primary key (call_id, kind)
);
create index call_signals_org_id_created_at_idx on voxconsole.call_signals (org_id, created_at) include (kind, day, holds_from);

alter table voxconsole.call_signals enable row level security;
alter table voxconsole.call_signals force row level security;
create policy call_signals_select on voxconsole.call_signals for select to vox_user
  using (org_id = (select voxconsole.current_org_id()));
grant select on voxconsole.call_signals to vox_user;

-- The other end's number of a call.
create function voxconsole.line_of(direction text, from_number text, to_number text) returns text
  language sql immutable parallel safe
  set search_path = ''
as $$
  select case when direction = 'outbound' then to_number else from_number end
$$;

-- Every signal of these calls, whatever the clock says: each with the moment it holds from.
-- Written when the migration runs, for the platform's hot_lead_alerts as it is: the console's
-- demo has call_id and lead_score on it, a production web app may not (an alert that names no
-- call cannot be a call's signal; a missing score is left out of the evidence).
do $do$
declare
  has_call boolean := exists (select 1 from information_schema.columns
                              where table_schema = 'public' and table_name = 'hot_lead_alerts' and column_name = 'call_id');
  has_score boolean := exists (select 1 from information_schema.columns
                               where table_schema = 'public' and table_name = 'hot_lead_alerts' and column_name = 'lead_score');
  alerts text := '';
  no_alert text := '';
begin
  if has_call then
    alerts := 'select p.id as call_id, min(a.created_at) as raised, '
              || case when has_score then 'max(a.lead_score)::numeric' else 'null::numeric' end || ' as lead_score
    from period p join public.hot_lead_alerts a on a.call_id = p.id and a.org_id = p.org_id
    group by p.id
    union all';
    no_alert := 'and not exists (select 1 from public.hot_lead_alerts a where a.call_id = p.id and a.org_id = p.org_id)';
  end if;
  execute replace(replace($def$
create function voxconsole.signals_of(ids uuid[])
  returns table (call_id uuid, kind text, org_id uuid, created_at timestamptz, day date, holds_from timestamptz, evidence text,
                 related_call_id uuid)
  language plpgsql stable
  set search_path = ''
  set plan_cache_mode = force_generic_plan
as $body$
-- PL/pgSQL for its plan cache, and its generic plan forced: a trigger keeping one call otherwise
-- planned this whole query at every write (a custom plan for one id looks cheaper than the generic
-- one, so PostgreSQL kept making custom ones; about 5 ms an insert). The output columns share
-- names with the tables' columns; the columns win.
#variable_conflict use_column
begin
  return query
  with period as materialized (
    select c.id, c.org_id, c.created_at, c.status, c.duration_seconds, c.contact_id, c.sentiment_label, c.sentiment_urgency,
           case when c.call_direction = 'outbound' then c.to_number else c.from_number end as number,
           c.created_at + pg_catalog.make_interval(secs => coalesce(c.duration_seconds, 0)) as ended_at,
           voxconsole.time_zone_of(o.settings) as tz
    from public.calls c left join public.organizations o on o.id = c.org_id
    where c.id = any(ids))
  -- The appointments made for the caller between the call's start and 30 minutes after its end.
  , booked as materialized (
    select p.id as call_id, a.scheduled_at, a.status
    from period p
    join public.appointments a on a.contact_id = p.contact_id and a.org_id = p.org_id
     and a.created_at >= p.created_at and a.created_at <= p.ended_at + interval '30 minutes'
    where p.status = 'completed')
  , readings as materialized (
    select r.call_id, r.claim_words, r.claimed_for, r.call_back_arranged,
           case r.claim_source when 'agent' then 'The agent said' else 'The summary says' end as said
    from period p join voxconsole.call_readings r on r.call_id = p.id)
  -- The alerts raised on the calls, and the contacts made hot by them.
  , hot as materialized (
    {alerts}
    select p.id, null::timestamptz, null::numeric
    from period p join public.contacts ct on ct.id = p.contact_id and ct.org_id = p.org_id
    where ct.lead_status = 'hot' and ct.updated_at >= p.created_at and ct.updated_at <= p.ended_at + interval '30 minutes'
      {no_alert})
  -- Someone followed the call up within 24 hours: an outbound call to the number, or an appointment for the caller.
  , followed_up as materialized (
    select p.id as call_id
    from period p
    where (p.id in (select h.call_id from hot h)
           or (p.sentiment_label = 'negative' and p.sentiment_urgency in ('high', 'critical')))
      and (exists (select 1 from public.calls o
                   where o.org_id = p.org_id and o.call_direction = 'outbound' and o.to_number = p.number
                     and o.created_at > p.created_at and o.created_at <= p.ended_at + interval '24 hours')
           or exists (select 1 from public.appointments a
                      where a.org_id = p.org_id and a.contact_id = p.contact_id
                        and a.created_at >= p.created_at and a.created_at <= p.ended_at + interval '24 hours')))
  , flagged as (
    select p.id as call_id, 'booking_not_found' as kind, p.ended_at + interval '30 minutes' as holds_from,
           case when p.contact_id is null
                then pg_catalog.format('%s "%s", but no contact is linked to the call, so no appointment can be for it.', r.said, r.claim_words)
                else pg_catalog.format('%s "%s", but no appointment for the caller was made from the call''s start to 30 minutes after its end.',
                                       r.said, r.claim_words) end as evidence,
           null::uuid as related_call_id
    from period p join readings r on r.call_id = p.id
    where r.claim_words is not null and p.status = 'completed'
      and not exists (select 1 from booked b where b.call_id = p.id)
    union all
    select p.id, 'booking_mismatch', p.ended_at + interval '30 minutes',
           pg_catalog.format('%s %s ("%s"), but the appointment made is for %s.', r.said, pg_catalog.to_char(r.claimed_for, 'Dy FMDD Mon HH24:MI'),
                             r.claim_words,
                             (select pg_catalog.string_agg(pg_catalog.to_char(b.scheduled_at at time zone p.tz, 'Dy FMDD Mon HH24:MI'), ' and '
                                                           order by b.scheduled_at)
                              from booked b where b.call_id = p.id)),
           null
    from period p join readings r on r.call_id = p.id
    where r.claimed_for is not null
      and exists (select 1 from booked b where b.call_id = p.id)
      and not exists (select 1 from booked b
                      where b.call_id = p.id and pg_catalog.date_trunc('minute', b.scheduled_at at time zone p.tz) = r.claimed_for)
    union all
    select p.id, 'no_show_after_booking', p.created_at,
           pg_catalog.format('The appointment booked on this call, %s, was a no-show.',
                             pg_catalog.to_char(min(b.scheduled_at) at time zone p.tz, 'Dy FMDD Mon HH24:MI')),
           null
    from period p join booked b on b.call_id = p.id
    where b.status = 'no-show'
    group by p.id, p.created_at, p.tz
    union all
    select p.id, 'repeat_call', n.created_at,
           pg_catalog.format('The same number called again %s, %s after this call began.',
                             pg_catalog.to_char(n.created_at at time zone p.tz, 'Dy FMDD Mon HH24:MI'),
                             case when n.created_at - p.created_at < interval '90 minutes'
                                  then round(extract(epoch from n.created_at - p.created_at) / 60) || ' minutes'
                                  else round(extract(epoch from n.created_at - p.created_at) / 3600) || ' hours' end),
           n.id
    from period p
    cross join lateral (
      select c2.id, c2.created_at from public.calls c2
      where c2.org_id = p.org_id and c2.call_direction = 'inbound' and c2.from_number = p.number
        and c2.created_at > p.created_at and c2.created_at <= p.ended_at + interval '48 hours'
      order by c2.created_at limit 1) n
    where p.status = 'completed'
      and not exists (select 1 from readings r where r.call_id = p.id and r.call_back_arranged)
    union all
    select p.id, 'hot_lead_no_follow_up', p.ended_at + interval '24 hours',
           pg_catalog.format('%s, but no outbound call to %s and no appointment followed within 24 hours.',
                             case when h.raised is null then 'The caller was made a hot lead on this call'
                                  else pg_catalog.format('A hot lead alert was raised at %s%s', pg_catalog.to_char(h.raised at time zone p.tz, 'HH24:MI'),
                                                         coalesce(' (lead score ' || h.lead_score || ')', '')) end, p.number),
           null
    from period p join hot h on h.call_id = p.id
    where not exists (select 1 from followed_up f where f.call_id = p.id)
    union all
    select p.id, 'unresolved_negative', p.ended_at + interval '24 hours',
           pg_catalog.format('A negative call of %s urgency, and no outbound call to %s and no appointment followed within 24 hours.',
                             p.sentiment_urgency, p.number),
           null
    from period p
    where p.sentiment_label = 'negative' and p.sentiment_urgency in ('high', 'critical')
      and not exists (select 1 from followed_up f where f.call_id = p.id)
    union all
    select p.id, 'dropped', case when p.status = 'in_progress' then p.created_at + interval '2 hours' else p.created_at end,
           case when p.status = 'failed' then pg_catalog.format('The call failed after %s s.', coalesce(p.duration_seconds, 0))
                when p.status = 'completed' then pg_catalog.format('The call was over after only %s s.', p.duration_seconds)
                else pg_catalog.format('The call began at %s and is still in progress, more than 2 hours on.',
                                       pg_catalog.to_char(p.created_at at time zone p.tz, 'Dy FMDD Mon HH24:MI')) end,
           null
    from period p
    where p.status = 'failed' or (p.status = 'completed' and p.duration_seconds < 20) or p.status = 'in_progress')
  select f.call_id, f.kind, p.org_id, p.created_at, (p.created_at at time zone p.tz)::date, f.holds_from, f.evidence, f.related_call_id
  from flagged f join period p on p.id = f.call_id;
end
$body$
$def$, '{alerts}', alerts), '{no_alert}', no_alert);
end $do$;

-- Finds these calls' signals again and keeps them (calls that are gone lose theirs). Two writers
-- keeping one call at once: the later one's rows win (on conflict), neither fails.
create function voxconsole.keep_signals(ids uuid[]) returns bigint
  language plpgsql volatile
  set search_path = ''
as $$
declare
  kept bigint;
begin
  delete from voxconsole.call_signals s where s.call_id = any(ids);
  insert into voxconsole.call_signals as s (call_id, kind, org_id, created_at, day, holds_from, evidence, related_call_id)
  select f.call_id, f.kind, f.org_id, f.created_at, f.day, f.holds_from, f.evidence, f.related_call_id from voxconsole.signals_of(ids) f
  on conflict (call_id, kind) do update set org_id = excluded.org_id, created_at = excluded.created_at, day = excluded.day,
    holds_from = excluded.holds_from, evidence = excluded.evidence, related_call_id = excluded.related_call_id;
  get diagnostics kept = row_count;
  update voxconsole.call_readings r set signals_kept = true where r.call_id = any(ids) and not r.signals_kept;
  return kept;
end $$;

-- The same, 2,000 calls at a time (a bulk write of the platform's names many).
create function voxconsole.keep_signals_in_parts(ids uuid[]) returns bigint
  language plpgsql volatile
  set search_path = ''
as $$
declare
  kept bigint := 0;
  total integer := coalesce(pg_catalog.array_length(ids, 1), 0);
  i integer := 1;
begin
  while i <= total loop
    kept := kept + voxconsole.keep_signals(ids[i:i + 1999]);
    i := i + 2000;
  end loop;
  return kept;
end $$;

-- The calls whose signals a call of this number at this moment can change: the calls of the same
-- number since the last earlier call of the same direction, within 72 hours. A call before that
-- one already has it as its first later call (an inbound one: the repeat) or as its follow-up (an
-- outbound one), so only the calls since can change: a number that rings every few minutes (a
-- withheld one, a busy switchboard) costs one call's work, not a day's.
-- The line is the other end's number: from_number of an inbound call, to_number of an outbound one.
create function voxconsole.calls_before(org uuid, direction text, line text, at timestamptz)
  returns setof uuid
  language plpgsql stable
  set search_path = ''
as $$
declare
  since timestamptz;
begin
  if direction = 'outbound' then
    select max(c.created_at) into since from public.calls c
    where c.org_id = org and c.call_direction = 'outbound' and c.to_number = line
      and c.created_at >= at - interval '72 hours' and c.created_at < at;
  else
    select max(c.created_at) into since from public.calls c
    where c.org_id = org and c.call_direction = 'inbound' and c.from_number = line
      and c.created_at >= at - interval '72 hours' and c.created_at < at;
  end if;
  since := coalesce(since, at - interval '72 hours');
  return query
    select c.id from public.calls c
    where c.org_id = org and c.call_direction = 'inbound' and c.from_number = line and c.created_at >= since and c.created_at < at
    union all
    select c.id from public.calls c
    where c.org_id = org and c.call_direction = 'outbound' and c.to_number = line and c.created_at >= since and c.created_at < at;
end $$;


-- The calls of a contact in the 72 hours before a moment (an appointment made, a contact changed).
create function voxconsole.calls_of_contact_before(org uuid, contact uuid, at timestamptz)
  returns setof uuid
  language sql stable
  set search_path = ''
as $$
  select c.id from public.calls c
  where c.org_id = org and c.contact_id = contact and c.created_at >= at - interval '72 hours' and c.created_at <= at
$$;

-- The triggers, once per statement, after the readings' (their names sort after V7's, and
-- PostgreSQL fires a table's triggers in name order). Like the readings, they never make the
-- platform's write fail: a signal not kept is found again at the call's next change, or by adopt.
-- One function per table; each branch reads only the transition tables its event has.
create function voxconsole.signals_after_calls() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  ids uuid[];
begin
  begin
    if tg_op = 'INSERT' then
      ids := array(select n.id from new_rows n
                   union
                   select b from new_rows n
                   cross join lateral voxconsole.calls_before(n.org_id, n.call_direction, voxconsole.line_of(n.call_direction, n.from_number, n.to_number), n.created_at) b);
    elsif tg_op = 'UPDATE' then
      delete from voxconsole.call_signals s where s.call_id in (select o.id from old_rows o except select n.id from new_rows n);
      ids := array(
        with changed as (
          select n.* from new_rows n left join old_rows o on o.id = n.id
          where o.id is null
             or (n.status, n.duration_seconds, n.contact_id, n.sentiment_label, n.sentiment_urgency, n.call_direction, n.from_number,
                 n.to_number, n.created_at, n.org_id, n.transcript, n.summary)
                is distinct from
                (o.status, o.duration_seconds, o.contact_id, o.sentiment_label, o.sentiment_urgency, o.call_direction, o.from_number,
                 o.to_number, o.created_at, o.org_id, o.transcript, o.summary))
        -- Other calls look only at a later call's number, direction and time.
        , moved as (
          select n.*, o.org_id as old_org_id, o.call_direction as old_direction, o.from_number as old_from, o.to_number as old_to,
                 o.created_at as old_created_at
          from new_rows n join old_rows o on o.id = n.id
          where (n.call_direction, n.from_number, n.to_number, n.created_at, n.org_id)
                is distinct from (o.call_direction, o.from_number, o.to_number, o.created_at, o.org_id))
        select c.id from changed c
        union
        select b from moved m
        cross join lateral voxconsole.calls_before(m.org_id, m.call_direction, voxconsole.line_of(m.call_direction, m.from_number, m.to_number), m.created_at) b
        union
        select b from moved m
        cross join lateral voxconsole.calls_before(m.old_org_id, m.old_direction, voxconsole.line_of(m.old_direction, m.old_from, m.old_to),
                                                   m.old_created_at) b);
    else
      delete from voxconsole.call_signals s where s.call_id in (select o.id from old_rows o);
      ids := array(select b from old_rows o
                   cross join lateral voxconsole.calls_before(o.org_id, o.call_direction, voxconsole.line_of(o.call_direction, o.from_number, o.to_number), o.created_at) b
                   except select o.id from old_rows o);
    end if;
    perform voxconsole.keep_signals_in_parts(ids);
  exception when others then
    raise warning 'voxconsole: signals not kept after a write of calls: %', sqlerrm;
  end;
  return null;
end $$;

create function voxconsole.signals_after_appointments() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  ids uuid[];
begin
  begin
    if tg_op = 'INSERT' then
      ids := array(select distinct b from new_rows a
                   cross join lateral voxconsole.calls_of_contact_before(a.org_id, a.contact_id, a.created_at) b);
    elsif tg_op = 'UPDATE' then
      ids := array(
        with changed as (
          select n.org_id, n.contact_id, n.created_at, o.org_id as old_org_id, o.contact_id as old_contact_id, o.created_at as old_created_at
          from new_rows n left join old_rows o on o.id = n.id
          where o.id is null
             or (n.org_id, n.contact_id, n.created_at, n.scheduled_at, n.status)
                is distinct from (o.org_id, o.contact_id, o.created_at, o.scheduled_at, o.status))
        select b from changed a cross join lateral voxconsole.calls_of_contact_before(a.org_id, a.contact_id, a.created_at) b
        union
        select b from changed a cross join lateral voxconsole.calls_of_contact_before(a.old_org_id, a.old_contact_id, a.old_created_at) b);
    else
      ids := array(select distinct b from old_rows a
                   cross join lateral voxconsole.calls_of_contact_before(a.org_id, a.contact_id, a.created_at) b);
    end if;
    perform voxconsole.keep_signals_in_parts(ids);
  exception when others then
    raise warning 'voxconsole: signals not kept after a write of appointments: %', sqlerrm;
  end;
  return null;
end $$;

create function voxconsole.signals_after_alerts() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  ids uuid[];
begin
  begin
    if tg_op = 'INSERT' then
      ids := array(select distinct n.call_id from new_rows n where n.call_id is not null);
    elsif tg_op = 'UPDATE' then
      ids := array(select n.call_id from new_rows n where n.call_id is not null union select o.call_id from old_rows o where o.call_id is not null);
    else
      ids := array(select distinct o.call_id from old_rows o where o.call_id is not null);
    end if;
    perform voxconsole.keep_signals_in_parts(ids);
  exception when others then
    raise warning 'voxconsole: signals not kept after a write of hot lead alerts: %', sqlerrm;
  end;
  return null;
end $$;

-- A contact made hot, or no longer hot (or a hot contact changed, which moves when it was made so).
create function voxconsole.signals_after_contacts() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  begin
    perform voxconsole.keep_signals_in_parts(array(
      with changed as (
        select n.id, n.org_id, n.updated_at, o.org_id as old_org_id, o.updated_at as old_updated_at
        from new_rows n join old_rows o on o.id = n.id
        where (n.lead_status = 'hot' or o.lead_status = 'hot')
          and (n.lead_status, n.updated_at, n.org_id) is distinct from (o.lead_status, o.updated_at, o.org_id))
      select b from changed c cross join lateral voxconsole.calls_of_contact_before(c.org_id, c.id, c.updated_at) b
      union
      select b from changed c cross join lateral voxconsole.calls_of_contact_before(c.old_org_id, c.id, c.old_updated_at) b));
  exception when others then
    raise warning 'voxconsole: signals not kept after a change of contacts: %', sqlerrm;
  end;
  return null;
end $$;

-- Transition tables allow one event per trigger, hence three a table.
create trigger voxconsole_call_signal_insert after insert on public.calls
  referencing new table as new_rows for each statement execute function voxconsole.signals_after_calls();
create trigger voxconsole_call_signal_update after update on public.calls
  referencing old table as old_rows new table as new_rows for each statement execute function voxconsole.signals_after_calls();
create trigger voxconsole_call_signal_delete after delete on public.calls
  referencing old table as old_rows for each statement execute function voxconsole.signals_after_calls();
create trigger voxconsole_appointment_signal_insert after insert on public.appointments
  referencing new table as new_rows for each statement execute function voxconsole.signals_after_appointments();
create trigger voxconsole_appointment_signal_update after update on public.appointments
  referencing old table as old_rows new table as new_rows for each statement execute function voxconsole.signals_after_appointments();
create trigger voxconsole_appointment_signal_delete after delete on public.appointments
  referencing old table as old_rows for each statement execute function voxconsole.signals_after_appointments();
-- Alerts that name no call change no call's signals: no triggers on such a table.
do $do$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'public' and table_name = 'hot_lead_alerts' and column_name = 'call_id') then
    create trigger voxconsole_alert_signal_insert after insert on public.hot_lead_alerts
      referencing new table as new_rows for each statement execute function voxconsole.signals_after_alerts();
    create trigger voxconsole_alert_signal_update after update on public.hot_lead_alerts
      referencing old table as old_rows new table as new_rows for each statement execute function voxconsole.signals_after_alerts();
    create trigger voxconsole_alert_signal_delete after delete on public.hot_lead_alerts
      referencing old table as old_rows for each statement execute function voxconsole.signals_after_alerts();
  end if;
end $do$;
create trigger voxconsole_contact_signal_update after update on public.contacts
  referencing old table as old_rows new table as new_rows for each statement execute function voxconsole.signals_after_contacts();

-- Only the owner runs these (the triggers, adopt's backfill); the console's roles read the table.
revoke all on function voxconsole.signals_of(uuid[]), voxconsole.keep_signals(uuid[]), voxconsole.keep_signals_in_parts(uuid[]),
  voxconsole.calls_before(uuid, text, text, timestamptz), voxconsole.line_of(text, text, text),
  voxconsole.calls_of_contact_before(uuid, uuid, timestamptz), voxconsole.signals_after_calls(),
  voxconsole.signals_after_appointments(), voxconsole.signals_after_alerts(), voxconsole.signals_after_contacts() from public;

-- The readings' queries (V7) in PL/pgSQL too, with their generic plans forced, for the same
-- reason: as SQL they were planned again at every platform insert (about 9 ms for the reading of
-- one call). Their text is V7's, taken from the catalog, so the rules stay written once.
do $do$
declare
  body text;
begin
  select p.prosrc into body from pg_catalog.pg_proc p
  where p.oid = 'voxconsole.read_texts(uuid[], text[], text[], date[])'::pg_catalog.regprocedure;
  execute pg_catalog.format($f$
    create or replace function voxconsole.read_texts(ids uuid[], transcripts text[], summaries text[], call_days date[])
      returns table (call_id uuid, claim_words text, claim_source text, claimed_for timestamp, call_back_arranged boolean)
      language plpgsql stable parallel safe
      set search_path = ''
      set plan_cache_mode = force_generic_plan
    as %L$f$, E'#variable_conflict use_column\nbegin\n  return query\n' || body || E';\nend\n');

  select p.prosrc into body from pg_catalog.pg_proc p
  where p.oid = 'voxconsole.keep_readings_of(uuid[], uuid[], timestamptz[], text[], text[])'::pg_catalog.regprocedure;
  if pg_catalog.strpos(body, 'select pg_catalog.count(*) from kept') = 0 then
    raise exception 'voxconsole.keep_readings_of is not as V7 wrote it';
  end if;
  execute pg_catalog.format($f$
    create or replace function voxconsole.keep_readings_of(ids uuid[], org_ids uuid[], created timestamptz[], transcripts text[],
                                                           summaries text[])
      returns bigint
      language plpgsql volatile
      set search_path = ''
      set plan_cache_mode = force_generic_plan
    as %L$f$, E'declare\n  kept_rows bigint;\nbegin\n'
              || pg_catalog.replace(body, 'select pg_catalog.count(*) from kept', 'select pg_catalog.count(*) into kept_rows from kept')
              || E';\n  return kept_rows;\nend\n');
end $do$;
revoke all on function voxconsole.read_texts(uuid[], text[], text[], date[]),
  voxconsole.keep_readings_of(uuid[], uuid[], timestamptz[], text[], text[]) from public;

-- The rest of what runs at each write, on generic plans too.
alter function voxconsole.calls_before(uuid, text, text, timestamptz) set plan_cache_mode = force_generic_plan;
alter function voxconsole.calls_of_contact_before(uuid, uuid, timestamptz) set plan_cache_mode = force_generic_plan;
alter function voxconsole.keep_signals(uuid[]) set plan_cache_mode = force_generic_plan;
alter function voxconsole.read_inserted_calls() set plan_cache_mode = force_generic_plan;
alter function voxconsole.read_updated_calls() set plan_cache_mode = force_generic_plan;
alter function voxconsole.signals_after_calls() set plan_cache_mode = force_generic_plan;
alter function voxconsole.signals_after_appointments() set plan_cache_mode = force_generic_plan;
alter function voxconsole.signals_after_alerts() set plan_cache_mode = force_generic_plan;
alter function voxconsole.signals_after_contacts() set plan_cache_mode = force_generic_plan;
