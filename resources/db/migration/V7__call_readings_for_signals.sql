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

-- What one call's words say: the last booking the agent claims to have made (or, when the agent
-- claims none, the one the summary claims), the day and time it names, and whether the call
-- arranged for the caller to ring again. The phrasings understood are listed in docs/SIGNALS.md.
create function voxconsole.read_call(transcript text, summary text, call_day date,
    out claim_words text, out claim_source text, out claimed_for timestamp, out call_back_arranged boolean)
  language plpgsql immutable parallel safe
  set search_path = ''
as $$
declare
  claims constant text := '(you''re|you are) booked (in|for)|(i''ve|i have) put you down for|(i''ve|i have) booked you'
                          '|booked you in|see you on|your appointment is confirmed|(that''s|that is) confirmed for'
                          '|(i''ve|i have) scheduled you|(you''re|you are) all set for|your booking is confirmed';
  summary_claims constant text := claims || '|\mbooked (in |for |the |a |an |her |him |them )|confirmed the booking'
                                  '|booking was made|was booked|made a booking|made an appointment';
  -- "I haven't booked you in yet", "no booking was made": words that deny a booking are no claim.
  denial constant text := '(n''t|\mnot|\mno|\mnever|\munable to)\M\s+(\w+\s+){0,2}book';
  caller_rings constant text := '(i''ll|i will|i''m going to|i am going to)\s+(\w+\s+){0,4}(call|ring|phone)\s+(you\s+)?(back|again)';
  agent_asks constant text := '(please|do|just|feel free to|you can|then)\s+(\w+\s+)?(call|ring|phone)\s+(us\s+|me\s+)?(back|again)'
                              '|\m(call|ring) (us|me) back\M';
  lines text[];
  line text;
  colon integer;
  label text;
  speakers text[] := '{}';
  turns text[] := '{}';
  sentences text[];
  sentence text;
  lowered text;
  said timestamp;
  source text;
begin
  call_back_arranged := false;
  lowered := pg_catalog.replace(pg_catalog.lower(coalesce(transcript, '')), U&'\2019', '''');
  -- Most calls claim no booking and arrange no call back: they skip the turn by turn reading.
  lines := case when voxconsole.may_claim(lowered) or pg_catalog.strpos(lowered, 'back') > 0 or pg_catalog.strpos(lowered, 'again') > 0
                then pg_catalog.regexp_split_to_array(transcript, '\r\n|\n|\r') else '{}' end;
  foreach line in array lines loop
    continue when pg_catalog.btrim(line) = '';
    colon := pg_catalog.strpos(line, ':');
    label := case when colon > 1 then pg_catalog.upper(pg_catalog.btrim(pg_catalog.left(line, colon - 1))) else '' end;
    if label in ('AGENT', 'ASSISTANT', 'AI', 'BOT') then
      speakers := speakers || 'agent'::text;
      turns := turns || pg_catalog.btrim(pg_catalog.substr(line, colon + 1));
    elsif label in ('CALLER', 'USER', 'CUSTOMER') then
      speakers := speakers || 'caller'::text;
      turns := turns || pg_catalog.btrim(pg_catalog.substr(line, colon + 1));
    elsif pg_catalog.cardinality(turns) > 0 then
      -- A line without a speaker continues the turn before (a transcript wrapped by another tool).
      turns[pg_catalog.cardinality(turns)] := turns[pg_catalog.cardinality(turns)] || ' ' || pg_catalog.btrim(line);
    end if;
  end loop;
  for t in 1 .. coalesce(pg_catalog.cardinality(turns), 0) loop
    lowered := pg_catalog.replace(pg_catalog.lower(turns[t]), U&'\2019', '''');
    -- Regular expressions only where a plain search finds their words: it is most of this function's time.
    if not call_back_arranged and (pg_catalog.strpos(lowered, 'back') > 0 or pg_catalog.strpos(lowered, 'again') > 0) then
      call_back_arranged := case when speakers[t] = 'caller' then lowered ~ caller_rings else lowered ~ agent_asks end;
    end if;
    continue when speakers[t] = 'caller' or not voxconsole.may_claim(lowered) or lowered !~ claims;
    sentences := pg_catalog.regexp_split_to_array(pg_catalog.btrim(turns[t]), '(?<=[.!?])\s+');
    for i in 1 .. pg_catalog.cardinality(sentences) loop
      sentence := sentences[i];
      lowered := pg_catalog.replace(pg_catalog.lower(sentence), U&'\2019', '''');
      -- A question offers ("Shall I see you on Tuesday?"); it claims nothing.
      continue when not voxconsole.may_claim(lowered) or lowered !~ claims or lowered ~ denial
                    or pg_catalog.right(pg_catalog.rtrim(sentence), 1) = '?';
      said := voxconsole.booking_time(sentence, call_day);
      if said is null and i > 1 then
        -- "Thursday at 1 pm it is. You're booked in." names the time a sentence before.
        said := voxconsole.booking_time(sentences[i - 1] || ' ' || sentence, call_day);
      end if;
      claim_words := pg_catalog.btrim(sentence);
      claim_source := 'agent';
      claimed_for := said;
    end loop;
  end loop;
  if claim_words is null and summary is not null then
    sentences := pg_catalog.regexp_split_to_array(pg_catalog.btrim(summary), '(?<=[.!?])\s+');
    for i in 1 .. pg_catalog.cardinality(sentences) loop
      sentence := sentences[i];
      lowered := pg_catalog.replace(pg_catalog.lower(sentence), U&'\2019', '''');
      continue when not (voxconsole.may_claim(lowered) or pg_catalog.strpos(lowered, 'appointment') > 0)
                    or lowered !~ summary_claims or lowered ~ denial;
      claim_words := pg_catalog.btrim(sentence);
      claim_source := 'summary';
      claimed_for := voxconsole.booking_time(sentence, call_day);
    end loop;
  end if;
end $$;

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

-- Keeps a call's reading in step with the platform's writes; never makes one fail.
create function voxconsole.keep_call_reading() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  zone text;
  reading record;
begin
  begin
    if tg_op = 'DELETE' then
      delete from voxconsole.call_readings where call_id = old.id;
      return null;
    end if;
    if tg_op = 'UPDATE' and new.summary is not distinct from old.summary and new.transcript is not distinct from old.transcript
       and new.org_id is not distinct from old.org_id and new.created_at is not distinct from old.created_at and new.id = old.id then
      return null;
    end if;
    if tg_op = 'UPDATE' and new.id <> old.id then
      delete from voxconsole.call_readings where call_id = old.id;
    end if;
    select voxconsole.time_zone_of(o.settings) into zone from public.organizations o where o.id = new.org_id;
    reading := voxconsole.read_call(new.transcript, new.summary, (new.created_at at time zone coalesce(zone, 'Europe/London'))::date);
    insert into voxconsole.call_readings (call_id, org_id, created_at, claim_words, claim_source, claimed_for, call_back_arranged)
    values (new.id, new.org_id, new.created_at, reading.claim_words, reading.claim_source, reading.claimed_for, reading.call_back_arranged)
    on conflict (call_id) do update set org_id = excluded.org_id, created_at = excluded.created_at, claim_words = excluded.claim_words,
      claim_source = excluded.claim_source, claimed_for = excluded.claimed_for, call_back_arranged = excluded.call_back_arranged;
  exception when others then
    -- The platform's write goes on; this call is read again after its next change or adopt.
    raise warning 'voxconsole: call % not read for signals: %', coalesce(new.id, old.id), sqlerrm;
  end;
  return null;
end $$;

create trigger voxconsole_call_reading after insert or update or delete on public.calls
  for each row execute function voxconsole.keep_call_reading();

-- New functions are executable by PUBLIC by default; only the console's roles may call this one
-- (the signals query formats times in the organization's zone with it).
revoke all on all functions in schema voxconsole from public;
grant execute on function voxconsole.time_zone_of(jsonb) to vox_user;
