-- What a call's words say, read once by the database, for the signals of issue 16 (docs/SIGNALS.md).
--
-- The signals compare what the agent said with the organization's records: a booking it said it
-- made must exist, at the time it said; a caller it asked to call back may call again. Reading the
-- words is the costly part, so it is done here, once per call, by a trigger on the platform's
-- writes (as the search document is, V6), and kept in the console's own table. The rest of each
-- signal (the appointments, the later calls, the alerts) is a query at the moment it is asked, under
-- the asking person's row-level security, because it changes as the organization works.
--
-- One implementation, in the database: the console and `voxconsole review signals` read the same
-- rows, and no client can write them.

-- The organization's time zone (its settings' "timezone"), or the platform's home when it names
-- none or one the server does not know: a day and a time said on a call are local to it.
create function voxconsole.time_zone_of(settings jsonb) returns text
  language plpgsql stable parallel safe
  set search_path = ''
as $$
declare
  zone text := coalesce(nullif(pg_catalog.btrim(settings ->> 'timezone'), ''), 'Europe/London');
begin
  perform pg_catalog.now() at time zone zone;
  return zone;
exception when others then
  return 'Europe/London';
end $$;

create function voxconsole.month_number(name text) returns integer
  language sql immutable parallel safe
  set search_path = ''
as $$
  select (pg_catalog.strpos('janfebmaraprmayjunjulaugsepoctnovdec', pg_catalog.left(name, 3)) + 2) / 3
$$;

create function voxconsole.weekday_number(name text) returns integer
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.array_position(array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], name)
$$;

-- The next month/day on or after the call's day: a booking is never before its call.
create function voxconsole.next_date(call_day date, month integer, day integer) returns date
  language plpgsql immutable parallel safe
  set search_path = ''
as $$
declare
  year integer := pg_catalog.date_part('year', call_day)::integer;
  candidate date;
begin
  for y in year .. year + 1 loop
    if day >= 1 and day <= pg_catalog.date_part('day', pg_catalog.make_date(y, month, 1) + interval '1 month' - interval '1 day') then
      candidate := pg_catalog.make_date(y, month, day);
      if candidate >= call_day then
        return candidate;
      end if;
    end if;
  end loop;
  return null;
end $$;

-- A spoken hour: "2", "two" (1 to 12), else null.
create function voxconsole.spoken_hour(word text) returns integer
  language sql immutable parallel safe
  set search_path = ''
as $$
  select case when word ~ '^\d{1,2}$' then case when word::integer between 1 and 12 then word::integer end
              else pg_catalog.array_position(array['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
                                                   'eleven', 'twelve'], word) end
$$;

-- A bare hour as a working day has it: 8 to 12 in the morning (12 is noon), 1 to 7 in the afternoon.
create function voxconsole.working_hour(hour integer) returns time
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.make_time(case when hour >= 8 then hour % 24 else hour + 12 end, 0, 0)
$$;

-- The day said in lower-case words, against the call's day; null when it cannot be read.
create function voxconsole.booking_day(words text, call_day date) returns date
  language plpgsql immutable parallel safe
  set search_path = ''
as $$
declare
  -- A month by its first three letters and what may follow them: the whole names as one
  -- alternation made this function ten times slower (PostgreSQL's engine backtracks over it).
  months constant text := '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?';
  weekdays constant text := '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
  m text[];
  weekday integer;
  has_digit boolean;
begin
  has_digit := words ~ '\d';
  m := case when has_digit then pg_catalog.regexp_match(words, '\m(\d{1,2})(?:st|nd|rd|th)?(?: of)? ' || months || '\M') end;
  if m is not null then
    return voxconsole.next_date(call_day, voxconsole.month_number(m[2]), m[1]::integer);
  end if;
  m := case when has_digit then pg_catalog.regexp_match(words, '\m' || months || ' (\d{1,2})(?:st|nd|rd|th)?\M') end;
  if m is not null then
    return voxconsole.next_date(call_day, voxconsole.month_number(m[1]), m[2]::integer);
  end if;
  m := case when has_digit and pg_catalog.strpos(words, ' the ') > 0
            then pg_catalog.regexp_match(words, '\m' || weekdays || ' the (\d{1,2})(?:st|nd|rd|th)\M') end;
  if m is not null then
    -- "Tuesday the 8th": the next 8th on or after the call that is a Tuesday (within a year).
    return (select d::date from pg_catalog.generate_series(call_day::timestamp, call_day::timestamp + interval '366 days', interval '1 day') d
            where pg_catalog.date_part('day', d) = m[2]::integer and pg_catalog.date_part('isodow', d) = voxconsole.weekday_number(m[1])
            order by d limit 1);
  end if;
  if pg_catalog.strpos(words, 'tomorrow') > 0 and words ~ '\mday after tomorrow\M' then
    return call_day + 2;
  end if;
  if pg_catalog.strpos(words, 'tomorrow') > 0 and words ~ '\mtomorrow\M' then
    return call_day + 1;
  end if;
  if (pg_catalog.strpos(words, 'today') > 0 or pg_catalog.strpos(words, 'this ') > 0)
     and words ~ '\m(today|this (morning|afternoon|evening))\M' then
    return call_day;
  end if;
  -- Every weekday's name ends in "day".
  m := case when pg_catalog.strpos(words, 'day') > 0 then pg_catalog.regexp_match(words, '\m(?:(?:next|this) )?' || weekdays || '\M') end;
  if m is not null then
    -- "Tuesday" on a Tuesday's call means a week on; "next Tuesday" the same (the one to come, never today).
    weekday := voxconsole.weekday_number(m[1]);
    return call_day + ((weekday - pg_catalog.date_part('isodow', call_day)::integer + 6) % 7) + 1;
  end if;
  return null;
end $$;

-- The time of day said in lower-case words; null when it cannot be read.
create function voxconsole.booking_clock(words text) returns time
  language plpgsql immutable parallel safe
  set search_path = ''
as $$
declare
  m text[];
  hour integer;
  minute integer;
  on_the_hour time;
begin
  -- Each expression runs only where a plain search finds a word it needs.
  if (pg_catalog.strpos(words, 'noon') > 0 or pg_catalog.strpos(words, 'midday') > 0) and words ~ '\m(noon|midday)\M' then
    return time '12:00';
  end if;
  m := case when pg_catalog.strpos(words, 'm') > 0 and words ~ '\d'
            then pg_catalog.regexp_match(words, '\m(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a\.m\.|p\.m\.)') end;
  if m is not null then
    hour := m[1]::integer;
    minute := coalesce(m[2]::integer, 0);
    if hour < 1 or hour > 12 or minute > 59 then
      return null;
    end if;
    return pg_catalog.make_time(hour % 12 + case when pg_catalog.left(m[3], 1) = 'p' then 12 else 0 end, minute, 0);
  end if;
  m := case when pg_catalog.strpos(words, ':') > 0 then pg_catalog.regexp_match(words, '\m([01]?\d|2[0-3]):([0-5]\d)\M') end;
  if m is not null then
    return pg_catalog.make_time(m[1]::integer, m[2]::integer, 0);
  end if;
  m := case when pg_catalog.strpos(words, 'past') > 0 or pg_catalog.strpos(words, 'quarter') > 0
            then pg_catalog.regexp_match(words, '\m(half past|quarter past|quarter to) (\w+)\M') end;
  if m is not null then
    hour := voxconsole.spoken_hour(m[2]);
    if hour is null then
      return null;
    end if;
    on_the_hour := voxconsole.working_hour(hour);
    return on_the_hour + case m[1] when 'half past' then interval '30 minutes' when 'quarter past' then interval '15 minutes'
                                   else interval '-15 minutes' end;
  end if;
  m := case when pg_catalog.strpos(words, 'clock') > 0 then pg_catalog.regexp_match(words, '\m(\w+) o''?clock\M') end;
  if m is not null then
    return voxconsole.working_hour(voxconsole.spoken_hour(m[1]));
  end if;
  m := case when pg_catalog.strpos(words, 'at ') > 0 then pg_catalog.regexp_match(words, '\mat (\d{1,2})\M(?![:.]\d)') end;
  if m is not null then
    return voxconsole.working_hour(voxconsole.spoken_hour(m[1]));
  end if;
  return null;
end $$;

-- The day and time said, read against the call's day; null when either cannot be read. PL/pgSQL,
-- not SQL: a SQL function that cannot be inlined is planned again at every call, and that was
-- most of a call's reading time.
create function voxconsole.booking_time(words text, call_day date) returns timestamp
  language plpgsql immutable parallel safe
  set search_path = ''
as $$
declare
  lowered text := pg_catalog.replace(pg_catalog.lower(words), U&'\2019', '''');
  day date := voxconsole.booking_day(lowered, call_day);
begin
  return case when day is null then null else day + voxconsole.booking_clock(lowered) end;
end $$;

-- Whether lower-case words hold any word a booking claim needs: a plain search, many times
-- quicker than the claims' regular expression, which then runs only where this says yes.
create function voxconsole.may_claim(lowered text) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.strpos(lowered, 'book') > 0 or pg_catalog.strpos(lowered, 'see you on') > 0
         or pg_catalog.strpos(lowered, 'confirmed') > 0 or pg_catalog.strpos(lowered, 'put you down') > 0
         or pg_catalog.strpos(lowered, 'scheduled you') > 0 or pg_catalog.strpos(lowered, 'all set for') > 0
$$;

-- Whether lower-case words hold one of the claim phrases' telling parts: plain searches that
-- let the claims' regular expression run on the few sentences that may match it.
create function voxconsole.may_claim_exactly(lowered text) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.strpos(lowered, 'booked in') > 0 or pg_catalog.strpos(lowered, 'booked for') > 0
         or pg_catalog.strpos(lowered, 'booked you') > 0 or pg_catalog.strpos(lowered, 'put you down for') > 0
         or pg_catalog.strpos(lowered, 'see you on') > 0 or pg_catalog.strpos(lowered, 'is confirmed') > 0
         or pg_catalog.strpos(lowered, 'confirmed for') > 0 or pg_catalog.strpos(lowered, 'scheduled you') > 0
         or pg_catalog.strpos(lowered, 'all set for') > 0
$$;

-- The same for a summary, which also says "booked for", "was booked", "made an appointment".
create function voxconsole.summary_may_claim(lowered text) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.strpos(lowered, 'booked') > 0 or pg_catalog.strpos(lowered, 'confirmed') > 0
         or pg_catalog.strpos(lowered, 'booking was made') > 0 or pg_catalog.strpos(lowered, 'made a booking') > 0
         or pg_catalog.strpos(lowered, 'made an appointment') > 0 or voxconsole.may_claim_exactly(lowered)
$$;

-- What calls' words say, for many calls in one statement: for each, the last booking the agent
-- claims to have made (or, when the agent claims none, the one the summary claims), the day and
-- time it names, and whether the call arranged for the caller to ring again. The phrasings
-- understood are listed in docs/SIGNALS.md. One row per id given.
--
-- It reads every call the platform writes, so it is built for speed and works on sets: plain
-- searches decide first whether a call can hold a claim or a call back at all (most cannot),
-- string_to_table cuts the lines, and each regular expression runs only on the lines that may
-- hold what it looks for. Reading each call in a PL/pgSQL loop, line by line, took 200 µs a call,
-- which made seeding a million calls take minutes longer (docs/SIGNALS.md).
create function voxconsole.read_texts(ids uuid[], transcripts text[], summaries text[], call_days date[])
  returns table (call_id uuid, claim_words text, claim_source text, claimed_for timestamp, call_back_arranged boolean)
  language sql stable parallel safe
  set search_path = ''
as $$
  with given as (
    select u.id, u.transcript, u.summary, u.call_day,
           pg_catalog.replace(pg_catalog.lower(coalesce(u.transcript, '')), U&'\2019', '''') as lowered
    from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(transcripts), pg_catalog.unnest(summaries), pg_catalog.unnest(call_days))
         as u(id, transcript, summary, call_day)
  ), candidates as (
    select g.id, g.call_day, g.lowered from given g
    where pg_catalog.strpos(g.lowered, 'back') > 0 or pg_catalog.strpos(g.lowered, 'again') > 0 or voxconsole.may_claim(g.lowered)
  ), lines as (
    -- Who says a line is the word before its first colon; a regular expression per line was most of the time.
    select c.id, c.call_day, t.n, t.l, pg_catalog.btrim(pg_catalog.split_part(t.l, ':', 1)) as label
    from candidates c, pg_catalog.string_to_table(c.lowered, E'\n') with ordinality as t(l, n)
    where pg_catalog.btrim(t.l, E' \t\r') <> ''
  ), wrapped as (
    -- A line without a speaker continues the turn before (a transcript wrapped by another tool).
    select distinct l.id from lines l
    where l.label not in ('agent', 'assistant', 'ai', 'bot', 'caller', 'user', 'customer') or pg_catalog.strpos(l.l, ':') = 0
  ), turns as (
    select l.id, l.call_day, l.n, pg_catalog.btrim(pg_catalog.substr(l.l, pg_catalog.strpos(l.l, ':') + 1), E' \t\r') as body,
           l.label in ('caller', 'user', 'customer') as by_caller
    from lines l
    where l.id not in (select w.id from wrapped w) and l.label in ('agent', 'assistant', 'ai', 'bot', 'caller', 'user', 'customer')
      and (pg_catalog.strpos(l.l, 'back') > 0 or pg_catalog.strpos(l.l, 'again') > 0 or voxconsole.may_claim(l.l))
    union all
    select c.id, c.call_day, t.n, pg_catalog.btrim(pg_catalog.substr(t.l, pg_catalog.strpos(t.l, ':') + 1), E' \t\r'),
           t.l ~ '^[ \t]*(caller|user|customer)[ \t]*:'
    from candidates c
    cross join lateral pg_catalog.string_to_table(pg_catalog.regexp_replace(c.lowered,
          '\r?\n[ \t]*(?![ \t]*(agent|assistant|ai|bot|caller|user|customer)[ \t]*:)(?=[^\n]*[^ \t\r\n])', ' ', 'g'), E'\n')
          with ordinality as t(l, n)
    where c.id in (select w.id from wrapped w) and t.l ~ '^[ \t]*(agent|assistant|ai|bot|caller|user|customer)[ \t]*:'
  ), call_backs as (
    -- The caller says they will ring again, or the agent asks them to; "we will call you back" is a promise, not this.
    select distinct t.id from turns t
    where (pg_catalog.strpos(t.body, 'back') > 0 or pg_catalog.strpos(t.body, 'again') > 0)
      and (pg_catalog.strpos(t.body, 'call') > 0 or pg_catalog.strpos(t.body, 'ring') > 0 or pg_catalog.strpos(t.body, 'phone') > 0)
      and case when t.by_caller
               then t.body ~ '(i''ll|i will|i''m going to|i am going to)\s+(\w+\s+){0,4}(call|ring|phone)\s+(you\s+)?(back|again)'
               else t.body ~ '(please|do|just|feel free to|you can|then)\s+(\w+\s+)?(call|ring|phone)\s+(us\s+|me\s+)?(back|again)|\m(call|ring) (us|me) back\M'
          end
  ), agent_sentences as (
    select t.id, t.call_day, t.n, s.i, s.sentence, pg_catalog.lag(s.sentence) over (partition by t.id, t.n order by s.i) as before
    from turns t, pg_catalog.regexp_split_to_table(t.body, '(?<=[.!?])\s+') with ordinality as s(sentence, i)
    where not t.by_caller and voxconsole.may_claim_exactly(t.body)
  ), agent_claims as (
    -- The agent's last claim counts ("sorry, let me change that"). A question offers ("Shall I see you
    -- on Tuesday?"), and words that deny a booking ("I haven't booked you in yet") claim nothing.
    select distinct on (a.id) a.id, a.sentence,
           coalesce(voxconsole.booking_time(a.sentence, a.call_day),
                    -- "Thursday at 1 pm it is. You're booked in." names the time a sentence before.
                    voxconsole.booking_time(a.before || ' ' || a.sentence, a.call_day)) as claimed_for
    from agent_sentences a
    where voxconsole.may_claim_exactly(a.sentence) and pg_catalog.right(a.sentence, 1) <> '?'
      and a.sentence ~ '(you''re|you are) booked (in|for)|(i''ve|i have) put you down for|(i''ve|i have) booked you|booked you in|see you on|your appointment is confirmed|(that''s|that is) confirmed for|(i''ve|i have) scheduled you|(you''re|you are) all set for|your booking is confirmed'
      and a.sentence !~ '(n''t|\mnot|\mno|\mnever|\munable to)\M\s+(\w+\s+){0,2}book'
    order by a.id, a.n desc, a.i desc
  ), summary_sentences as (
    select g.id, g.call_day, s.i, s.sentence, pg_catalog.replace(pg_catalog.lower(s.sentence), U&'\2019', '''') as lowered
    from given g, pg_catalog.regexp_split_to_table(pg_catalog.btrim(g.summary), '(?<=[.!?])\s+') with ordinality as s(sentence, i)
    where g.summary is not null and voxconsole.summary_may_claim(pg_catalog.replace(pg_catalog.lower(g.summary), U&'\2019', ''''))
      and g.id not in (select a.id from agent_claims a)
  ), summary_claims as (
    select distinct on (s.id) s.id, s.sentence, voxconsole.booking_time(s.sentence, s.call_day) as claimed_for
    from summary_sentences s
    where voxconsole.summary_may_claim(s.lowered)
      and s.lowered ~ '(you''re|you are) booked (in|for)|(i''ve|i have) put you down for|(i''ve|i have) booked you|booked you in|see you on|your appointment is confirmed|(that''s|that is) confirmed for|(i''ve|i have) scheduled you|(you''re|you are) all set for|your booking is confirmed|\mbooked (in |for |the |a |an |her |him |them )|confirmed the booking|booking was made|was booked|made a booking|made an appointment'
      and s.lowered !~ '(n''t|\mnot|\mno|\mnever|\munable to)\M\s+(\w+\s+){0,2}book'
    order by s.id, s.i desc
  )
  select g.id,
         -- The agent's words as said (the search ran on them in lower case), from the transcript with its lines joined.
         coalesce(case when a.id is not null then
                    (select pg_catalog.substr(j.o, pg_catalog.strpos(pg_catalog.replace(pg_catalog.lower(j.o), U&'\2019', ''''), a.sentence),
                                              pg_catalog.length(a.sentence))
                     from (select pg_catalog.regexp_replace(g.transcript, '\r?\n[ \t]*', ' ', 'g') as o) j
                     where pg_catalog.strpos(pg_catalog.replace(pg_catalog.lower(j.o), U&'\2019', ''''), a.sentence) > 0) end,
                  a.sentence, pg_catalog.btrim(s.sentence)),
         case when a.id is not null then 'agent' when s.id is not null then 'summary' end,
         coalesce(a.claimed_for, s.claimed_for),
         b.id is not null
  from given g
  left join agent_claims a on a.id = g.id
  left join summary_claims s on s.id = g.id
  left join call_backs b on b.id = g.id
$$;

-- One row per call the console has read, also when its words say nothing (so that adopt, run
-- again, reads only the calls it has not read yet).
create table voxconsole.call_readings (
  call_id            uuid primary key,
  org_id             uuid not null,
  created_at         timestamptz not null,
  claim_words        text,
  claim_source       text constraint call_readings_claim_source_check check (claim_source in ('agent', 'summary')),
  -- In the organization's time zone, as it was said; null when the claim's day or time cannot be read.
  claimed_for        timestamp,
  call_back_arranged boolean not null default false
);
create index call_readings_org_id_created_at_idx on voxconsole.call_readings (org_id, created_at);

alter table voxconsole.call_readings enable row level security;
alter table voxconsole.call_readings force row level security;
create policy call_readings_select on voxconsole.call_readings for select to vox_user
  using (org_id = (select voxconsole.current_org_id()));
grant select on voxconsole.call_readings to vox_user;

-- Keeps the readings of the calls given by their columns (the triggers pass them from the rows the
-- statement wrote: reading them back by id planned a scan of the whole table while a bulk load had
-- left it without statistics). Each organization's time zone is looked up once.
create function voxconsole.keep_readings_of(ids uuid[], org_ids uuid[], created timestamptz[], transcripts text[], summaries text[])
  returns bigint
  language sql volatile
  set search_path = ''
as $$
  with calls as (
    select u.id, u.org_id, u.created_at
    from rows from (pg_catalog.unnest(ids), pg_catalog.unnest(org_ids), pg_catalog.unnest(created)) as u(id, org_id, created_at)
  ), zones as (
    select o.id, voxconsole.time_zone_of(o.settings) as zone from public.organizations o
    where o.id in (select distinct c.org_id from calls c)
  ), days as (
    select pg_catalog.array_agg((c.created_at at time zone coalesce(z.zone, 'Europe/London'))::date order by c.n) as days
    from (select c.*, pg_catalog.row_number() over () as n from calls c) c left join zones z on z.id = c.org_id
  ), kept as (
    insert into voxconsole.call_readings (call_id, org_id, created_at, claim_words, claim_source, claimed_for, call_back_arranged)
    select c.id, c.org_id, c.created_at, r.claim_words, r.claim_source, r.claimed_for, r.call_back_arranged
    from days d cross join lateral voxconsole.read_texts(ids, transcripts, summaries, d.days) r
    join calls c on c.id = r.call_id
    on conflict (call_id) do update set org_id = excluded.org_id, created_at = excluded.created_at, claim_words = excluded.claim_words,
      claim_source = excluded.claim_source, claimed_for = excluded.claimed_for, call_back_arranged = excluded.call_back_arranged
    returning 1)
  select pg_catalog.count(*) from kept
$$;

-- The same for calls named by id (adopt's backfill, the update trigger), read from the platform's table.
create function voxconsole.keep_readings(ids uuid[]) returns bigint
  language sql volatile
  set search_path = ''
as $$
  select voxconsole.keep_readings_of(pg_catalog.array_agg(c.id), pg_catalog.array_agg(c.org_id), pg_catalog.array_agg(c.created_at),
                                     pg_catalog.array_agg(c.transcript), pg_catalog.array_agg(c.summary))
  from public.calls c where c.id = any(ids)
$$;

-- The triggers keep the readings in step with the platform's writes, once per statement (a
-- COPY of a million calls is read as a set, not call by call), and never make a write fail.
create function voxconsole.read_inserted_calls() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  ids uuid[];
  org_ids uuid[];
  created timestamptz[];
  transcripts text[];
  summaries text[];
begin
  begin
    -- In chunks: a COPY of many calls would otherwise gather every transcript in one array.
    for ids, org_ids, created, transcripts, summaries in
        select pg_catalog.array_agg(x.id), pg_catalog.array_agg(x.org_id), pg_catalog.array_agg(x.created_at),
               pg_catalog.array_agg(x.transcript), pg_catalog.array_agg(x.summary)
        from (select n.id, n.org_id, n.created_at, n.transcript, n.summary, (pg_catalog.row_number() over ()) / 2000 as part
              from new_rows n) x
        group by x.part loop
      perform voxconsole.keep_readings_of(ids, org_ids, created, transcripts, summaries);
    end loop;
  exception when others then
    -- The platform's write goes on; these calls are read again after their next change, or by adopt.
    raise warning 'voxconsole: calls not read for signals: %', sqlerrm;
  end;
  return null;
end $$;

create function voxconsole.read_updated_calls() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  begin
    delete from voxconsole.call_readings k where k.call_id in (select o.id from old_rows o except select n.id from new_rows n);
    perform voxconsole.keep_readings(array(
      select n.id from new_rows n left join old_rows o on o.id = n.id
      where o.id is null or n.transcript is distinct from o.transcript or n.summary is distinct from o.summary
         or n.created_at is distinct from o.created_at or n.org_id is distinct from o.org_id));
  exception when others then
    raise warning 'voxconsole: calls not read again for signals: %', sqlerrm;
  end;
  return null;
end $$;

create function voxconsole.forget_deleted_calls() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  begin
    delete from voxconsole.call_readings k where k.call_id in (select o.id from old_rows o);
  exception when others then
    raise warning 'voxconsole: readings of deleted calls kept: %', sqlerrm;
  end;
  return null;
end $$;

create trigger voxconsole_call_reading_insert after insert on public.calls
  referencing new table as new_rows for each statement execute function voxconsole.read_inserted_calls();
create trigger voxconsole_call_reading_update after update on public.calls
  referencing old table as old_rows new table as new_rows for each statement execute function voxconsole.read_updated_calls();
create trigger voxconsole_call_reading_delete after delete on public.calls
  referencing old table as old_rows for each statement execute function voxconsole.forget_deleted_calls();

-- New functions are executable by PUBLIC by default; only the console's roles may call this one
-- (the signals query formats times in the organization's zone with it).
revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.time_zone_of(jsonb) to vox_user;
