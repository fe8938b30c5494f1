-- Quality review (issue 17): scorecards, evaluations of calls, and the review queue.
--
-- Everything lives in voxconsole and nothing touches the platform's tables: no trigger and no
-- foreign key on public.calls, so a web-app write costs exactly what it cost before, and detach
-- takes it all away with the schema. A call an evaluation names is checked when the evaluation is
-- made, through the caller's own row-level security (a call the caller cannot see is refused).
--
-- Who may do what is the database's: row-level security is forced on every table, column grants
-- say which fields a role may write, and the rules that span rows (the score, the steps of an
-- evaluation, the immutability of a used form) are triggers and one view. docs/QUALITY.md has the
-- reasoning.

-- Forms ------------------------------------------------------------------------------------------

-- The choices of a choice question: two to ten, each a label and what it scores, from 0 to 1.
create function voxconsole.choices_fit(choices jsonb) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select case when jsonb_typeof(choices) = 'array' and jsonb_array_length(choices) between 2 and 10 then
    not exists (select 1 from jsonb_array_elements(choices) c
                where jsonb_typeof(c -> 'label') is distinct from 'string' or btrim(c ->> 'label') = ''
                   or jsonb_typeof(c -> 'value') is distinct from 'number'
                   or (c ->> 'value')::numeric not between 0 and 1)
  else false end
$$;

create table voxconsole.scorecard_forms (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null default voxconsole.current_org_id(),
  name        text not null constraint scorecard_forms_name_not_blank check (btrim(name) <> '' and length(name) <= 120),
  -- Which kind of organization the form was written for; the demo ships one per kind.
  kind        text not null default 'any' constraint scorecard_forms_kind_check check (kind in ('clinic', 'law_firm', 'trades', 'any')),
  archived_at timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint scorecard_forms_name_unique unique (org_id, name),
  unique (id, org_id)
);

-- A version is what evaluations are made against. Once one evaluation uses it, neither it nor its
-- questions change again (voxconsole.keep_used_versions); editing the form makes version n + 1.
create table voxconsole.scorecard_versions (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null default voxconsole.current_org_id(),
  form_id    uuid not null,
  version    integer not null constraint scorecard_versions_version_check check (version >= 1),
  -- The score an evaluation needs to pass, when no critical question failed.
  pass_mark  numeric(5, 2) not null default 80 constraint scorecard_versions_pass_mark_check check (pass_mark between 0 and 100),
  created_by uuid default voxconsole.current_profile_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (form_id, org_id) references voxconsole.scorecard_forms (id, org_id) on delete cascade,
  constraint scorecard_versions_form_version_unique unique (form_id, version),
  unique (id, org_id)
);

create table voxconsole.scorecard_questions (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null default voxconsole.current_org_id(),
  version_id  uuid not null,
  section     text not null constraint scorecard_questions_section_not_blank check (btrim(section) <> '' and length(section) <= 80),
  position    integer not null constraint scorecard_questions_position_check check (position >= 1),
  prompt      text not null constraint scorecard_questions_prompt_not_blank check (btrim(prompt) <> '' and length(prompt) <= 200),
  help        text constraint scorecard_questions_help_length check (length(help) <= 1000),
  answer_type text not null constraint scorecard_questions_answer_type_check check (answer_type in ('yes_no', 'scale_1_5', 'choice')),
  -- For a choice: [{"label": "...", "value": 0..1}, ...], at least two; the value is what the
  -- choice scores.
  choices     jsonb,
  weight      numeric(6, 2) not null default 1 constraint scorecard_questions_weight_check check (weight > 0 and weight <= 100),
  allows_na   boolean not null default false,
  -- A failed critical question fails the whole evaluation, whatever the rest scores.
  critical    boolean not null default false,
  updated_at  timestamptz not null default now(),
  foreign key (version_id, org_id) references voxconsole.scorecard_versions (id, org_id) on delete cascade,
  -- Deferred, so an editor can reorder questions in one transaction.
  constraint scorecard_questions_position_unique unique (version_id, position) deferrable initially deferred,
  unique (id, version_id),
  constraint scorecard_questions_choices_check check (
    case when answer_type = 'choice' then voxconsole.choices_fit(choices) else choices is null end)
);

-- How an organization samples its calls for review.
create table voxconsole.review_settings (
  org_id         uuid primary key default voxconsole.current_org_id(),
  -- The share of each day's completed calls that is reviewed: whether a call is in depends on its
  -- id alone (voxconsole.in_sample), so every console agrees, and a higher share keeps every call a
  -- lower one had.
  sample_percent numeric(5, 2) not null default 0 constraint review_settings_sample_percent_check check (sample_percent between 0 and 100),
  -- Signal kinds whose calls are always reviewed (V8's kinds).
  always_review  text[] not null default '{}' constraint review_settings_always_review_check check (always_review <@ array['booking_not_found',
                   'booking_mismatch', 'repeat_call', 'no_show_after_booking', 'hot_lead_no_follow_up', 'unresolved_negative', 'dropped']),
  updated_at     timestamptz not null default now()
);

-- Evaluations ------------------------------------------------------------------------------------

create table voxconsole.evaluations (
  -- Made by the client (offline ones too), so a second import of the same evaluation finds it.
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null default voxconsole.current_org_id(),
  call_id         uuid not null,
  version_id      uuid not null,
  reviewer_id     uuid not null default voxconsole.current_profile_id(),
  status          text not null default 'draft'
                  constraint evaluations_status_check check (status in ('draft', 'submitted', 'signed_off', 'reopened')),
  reopen_reason   text constraint evaluations_reopen_reason_length check (length(reopen_reason) <= 1000),
  submitted_at    timestamptz,
  signed_off_at   timestamptz,
  signed_off_by   uuid,
  -- The installation key that signed an evaluation made offline; null for one made online.
  offline_signer  text constraint evaluations_offline_signer_length check (length(offline_signer) <= 200),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  foreign key (version_id, org_id) references voxconsole.scorecard_versions (id, org_id),
  unique (id, version_id, org_id),
  unique (id, org_id)
);
create index evaluations_org_id_submitted_at_idx on voxconsole.evaluations (org_id, submitted_at) include (status, reviewer_id, version_id)
  where submitted_at is not null;
create index evaluations_call_id_idx on voxconsole.evaluations (call_id);
-- A console catching up after a lost connection reads what changed by updated_at (ChangeQueries).
create index evaluations_org_id_updated_at_idx on voxconsole.evaluations (org_id, updated_at);
create index evaluations_version_id_idx on voxconsole.evaluations (version_id);

-- An answer belongs to a question of its evaluation's own version: the two foreign keys share
-- version_id, so an old evaluation can only ever be answered against the form it was made with.
create table voxconsole.evaluation_answers (
  evaluation_id  uuid not null,
  org_id         uuid not null default voxconsole.current_org_id(),
  version_id     uuid not null,
  question_id    uuid not null,
  -- yes_no: 1 yes, 0 no; scale_1_5: 1 to 5; choice: the choice's position, from 0.
  value          smallint,
  not_applicable boolean not null default false,
  updated_at     timestamptz not null default now(),
  primary key (evaluation_id, question_id),
  -- Filled from the evaluation by voxconsole.check_answer: the keys then hold the answer to its
  -- evaluation's organization and version, whatever a client sends.
  foreign key (evaluation_id, version_id, org_id) references voxconsole.evaluations (id, version_id, org_id) on delete cascade,
  foreign key (question_id, version_id) references voxconsole.scorecard_questions (id, version_id),
  constraint evaluation_answers_value_or_na check ((value is null) = not_applicable)
);
create index evaluation_answers_question_id_idx on voxconsole.evaluation_answers (question_id);

create table voxconsole.evaluation_comments (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null default voxconsole.current_org_id(),
  evaluation_id uuid not null,
  -- The transcript turn it is pinned to, as the transcript view numbers them from 0; null for the
  -- call as a whole.
  turn_index    integer constraint evaluation_comments_turn_index_check check (turn_index >= 0),
  body          text not null constraint evaluation_comments_body_check check (btrim(body) <> '' and length(body) <= 4000),
  author_id     uuid not null default voxconsole.current_profile_id(),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  foreign key (evaluation_id, org_id) references voxconsole.evaluations (id, org_id) on delete cascade
);
create index evaluation_comments_evaluation_id_idx on voxconsole.evaluation_comments (evaluation_id);

-- The queue ---------------------------------------------------------------------------------------

-- One row per call waiting for review (or reviewed: done_at). Why it is there accumulates in
-- reasons: 'sample', 'signal:<kind>', 'sent'.
create table voxconsole.review_queue (
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null default voxconsole.current_org_id(),
  call_id         uuid not null constraint review_queue_call_unique unique,
  call_created_at timestamptz not null,
  reasons         text[] not null constraint review_queue_reasons_check check (cardinality(reasons) >= 1),
  queued_at       timestamptz not null default now(),
  sent_by         uuid,
  -- Left for anyone when null.
  assignee_id     uuid,
  taken_by        uuid,
  taken_at        timestamptz,
  done_at         timestamptz,
  evaluation_id   uuid,
  updated_at      timestamptz not null default now()
);
create index review_queue_waiting_idx on voxconsole.review_queue (org_id, call_created_at) where done_at is null;
create index review_queue_done_idx on voxconsole.review_queue (org_id, done_at) where done_at is not null;
create index review_queue_org_id_updated_at_idx on voxconsole.review_queue (org_id, updated_at);

-- The rules -----------------------------------------------------------------------------------------

-- What an answer scores, from 0 to 1. Failed means under one half: a no, a 1 or 2 of 5, a choice
-- worth less than half.
create function voxconsole.answer_score(answer_type text, choices jsonb, value smallint) returns numeric
  language sql immutable parallel safe
  set search_path = ''
as $$
  select case answer_type
    when 'yes_no' then value::numeric
    when 'scale_1_5' then (value - 1) / 4.0
    when 'choice' then (choices -> value::integer ->> 'value')::numeric
  end
$$;

-- The score of every evaluation, computed where every client reads it. Weighted mean of the
-- answered questions (N/A ones leave the weights), 0 to 100; a failed critical question makes it
-- 0 and the evaluation failed, and score_without_critical keeps what the rest scored.
create view voxconsole.evaluation_scores with (security_invoker = true) as
  select e.id as evaluation_id, e.org_id, e.call_id, e.version_id, e.reviewer_id, e.status, e.submitted_at,
         case when s.critical_failed then 0 else s.weighted end as score,
         s.weighted as score_without_critical,
         s.critical_failed,
         not s.critical_failed and coalesce(s.weighted, 0) >= v.pass_mark as passed,
         s.answered, s.not_applicable
  from voxconsole.evaluations e
  join voxconsole.scorecard_versions v on v.id = e.version_id
  cross join lateral (
    select round(100 * sum(q.weight * voxconsole.answer_score(q.answer_type, q.choices, a.value)) filter (where not a.not_applicable)
                 / nullif(sum(q.weight) filter (where not a.not_applicable), 0), 1) as weighted,
           coalesce(bool_or(q.critical and voxconsole.answer_score(q.answer_type, q.choices, a.value) < 0.5), false) as critical_failed,
           count(*) filter (where not a.not_applicable) as answered,
           count(*) filter (where a.not_applicable) as not_applicable
    from voxconsole.evaluation_answers a
    join voxconsole.scorecard_questions q on q.id = a.question_id
    where a.evaluation_id = e.id
  ) s;

-- Whether a call is in its organization's daily sample: the first 32 bits of the md5 of its id,
-- as a fraction, under the share. Uniform, so the sample spreads over the day, and the same
-- answer whichever console asks, whenever.
create function voxconsole.in_sample(call_id uuid, percent numeric) returns boolean
  language sql immutable parallel safe
  set search_path = ''
as $$
  select ('x' || substr(md5(call_id::text), 1, 8))::bit(32)::bigint < percent / 100.0 * 4294967296
$$;

-- A used version and its questions are never changed: editing makes a new version
-- (voxconsole.new_scorecard_version). The check reads every evaluation of the version, as the
-- owner, so an admin cannot slip a change past one it cannot see.
create function voxconsole.keep_used_versions() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  subject uuid;
begin
  if tg_table_name = 'scorecard_versions' then
    subject := old.id;
  elsif tg_op = 'INSERT' then
    subject := new.version_id;
  else
    subject := old.version_id;
  end if;
  if exists (select 1 from voxconsole.evaluations e where e.version_id = subject) then
    perform voxconsole.refuse('scorecard_versions_in_use', 'version');
  end if;
  -- A question moved into a used version changes that one too. (Nested: a version's row has no
  -- version_id to read.)
  if tg_table_name = 'scorecard_questions' and tg_op = 'UPDATE' then
    if new.version_id <> old.version_id and exists (select 1 from voxconsole.evaluations e where e.version_id = new.version_id) then
      perform voxconsole.refuse('scorecard_versions_in_use', 'version');
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger voxconsole_keep_used before update or delete on voxconsole.scorecard_versions
  for each row execute function voxconsole.keep_used_versions();
create trigger voxconsole_keep_used before insert or update or delete on voxconsole.scorecard_questions
  for each row execute function voxconsole.keep_used_versions();

-- An answer must fit its question: a yes or no, a 1 to 5, one of the choices; N/A only where the
-- question allows it. Answers change only while the evaluation is a draft or reopened.
create function voxconsole.check_answer() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  q record;
  evaluation record;
begin
  select e.status, e.org_id, e.version_id into evaluation from voxconsole.evaluations e where e.id = new.evaluation_id;
  if not found then
    return new;  -- the foreign key refuses it
  end if;
  if evaluation.status not in ('draft', 'reopened') then
    perform voxconsole.refuse('evaluations_answers_frozen', 'answers');
  end if;
  -- The row-level security check then refuses an answer to another organization's evaluation.
  new.org_id := evaluation.org_id;
  new.version_id := evaluation.version_id;
  select * into q from voxconsole.scorecard_questions where id = new.question_id and version_id = new.version_id;
  if not found then
    return new;  -- the foreign key refuses it
  end if;
  if new.not_applicable and not q.allows_na then
    perform voxconsole.refuse('evaluation_answers_na_not_allowed', 'not_applicable');
  end if;
  if not new.not_applicable and not (case q.answer_type
       when 'yes_no' then new.value in (0, 1)
       when 'scale_1_5' then new.value between 1 and 5
       when 'choice' then new.value between 0 and jsonb_array_length(q.choices) - 1
     end) then
    perform voxconsole.refuse('evaluation_answers_value_check', 'value');
  end if;
  new.updated_at := now();
  return new;
end
$$;

create trigger voxconsole_check_answer before insert or update on voxconsole.evaluation_answers
  for each row execute function voxconsole.check_answer();

create function voxconsole.refuse_frozen_answer_delete() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  if exists (select 1 from voxconsole.evaluations e where e.id = old.evaluation_id and e.status not in ('draft', 'reopened')) then
    perform voxconsole.refuse('evaluations_answers_frozen', 'answers');
  end if;
  return old;
end
$$;

create trigger voxconsole_check_answer_delete before delete on voxconsole.evaluation_answers
  for each row execute function voxconsole.refuse_frozen_answer_delete();

-- The steps of an evaluation: draft -> submitted -> signed_off, and back to reopened (with a
-- reason) from submitted or signed_off; reopened -> submitted again. A submission needs every
-- question answered or N/A. Nobody signs off their own evaluation: a second pair of eyes is the
-- point of signing off.
create function voxconsole.check_evaluation() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  me uuid := voxconsole.current_profile_id();
  missing integer;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      perform voxconsole.refuse('evaluations_step_check', 'status');
    end if;
    -- The row's organization is the caller's (the row-level security check says so after this
    -- trigger), so a call of another organization is refused here, by name.
    if not exists (select 1 from public.calls c where c.id = new.call_id and c.org_id = new.org_id) then
      perform voxconsole.refuse('evaluations_call_visible', 'call_id');
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if not (old.status, new.status) in (('draft', 'submitted'), ('reopened', 'submitted'), ('submitted', 'signed_off'),
                                        ('submitted', 'reopened'), ('signed_off', 'reopened')) then
      perform voxconsole.refuse('evaluations_step_check', 'status');
    end if;
    if new.status = 'submitted' then
      select count(*) into missing from voxconsole.scorecard_questions q
      where q.version_id = new.version_id
        and not exists (select 1 from voxconsole.evaluation_answers a where a.evaluation_id = new.id and a.question_id = q.id);
      if missing > 0 then
        perform voxconsole.refuse('evaluations_unanswered', 'status');
      end if;
      new.submitted_at := now();
      new.signed_off_at := null;
      new.signed_off_by := null;
    elsif new.status = 'signed_off' then
      if me is not distinct from old.reviewer_id then
        perform voxconsole.refuse('evaluations_own_sign_off', 'status');
      end if;
      new.signed_off_at := now();
      new.signed_off_by := me;
    elsif new.status = 'reopened' then
      if btrim(coalesce(new.reopen_reason, '')) = '' then
        perform voxconsole.refuse('evaluations_reopen_reason_required', 'reopen_reason');
      end if;
      new.signed_off_at := null;
      new.signed_off_by := null;
    end if;
  elsif new.reopen_reason is distinct from old.reopen_reason then
    perform voxconsole.refuse('evaluations_step_check', 'reopen_reason');
  end if;
  new.updated_at := now();
  return new;
end
$$;

create trigger voxconsole_check_evaluation before insert or update on voxconsole.evaluations
  for each row execute function voxconsole.check_evaluation();

-- A submitted evaluation takes its call out of the queue.
create function voxconsole.finish_queue_item() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  update voxconsole.review_queue q set done_at = now(), evaluation_id = new.id
  where q.call_id = new.call_id and q.org_id = new.org_id and q.done_at is null;
  return null;
end
$$;

create trigger voxconsole_finish_queue_item after update of status on voxconsole.evaluations
  for each row when (new.status = 'submitted' and old.status is distinct from 'submitted')
  execute function voxconsole.finish_queue_item();

-- Every write moves updated_at, which the console's optimistic saves compare.
do $$
declare
  t text;
begin
  foreach t in array array['scorecard_forms', 'scorecard_versions', 'scorecard_questions', 'review_settings', 'evaluation_comments',
                           'review_queue'] loop
    execute format('create trigger voxconsole_touch_updated_at before update on voxconsole.%I for each row
                    execute function voxconsole.touch_updated_at()', t);
  end loop;
end $$;

-- Making a new version of a form: a copy of its newest version and questions, as n + 1, for the
-- admin to edit while the old one stays as its evaluations knew it.
create function voxconsole.new_scorecard_version(form uuid) returns uuid
  language plpgsql volatile
  set search_path = ''
as $$
declare
  newest record;
  made uuid;
begin
  select v.* into newest from voxconsole.scorecard_versions v where v.form_id = form order by v.version desc limit 1;
  if not found then
    raise exception 'There is no such form in your organization.' using errcode = 'P0002';
  end if;
  -- org_id by default: the caller's, which the row-level security check holds it to.
  insert into voxconsole.scorecard_versions (form_id, version, pass_mark)
  values (form, newest.version + 1, newest.pass_mark)
  returning id into made;
  insert into voxconsole.scorecard_questions (version_id, section, position, prompt, help, answer_type, choices, weight,
                                              allows_na, critical)
  select made, q.section, q.position, q.prompt, q.help, q.answer_type, q.choices, q.weight, q.allows_na, q.critical
  from voxconsole.scorecard_questions q where q.version_id = newest.id;
  return made;
end
$$;

-- Filling the queue: each day's sample and the calls with a signal the organization always
-- reviews, for the calls that began in [window_from, window_until) (the console asks for the last
-- seven days; at most 31), for the caller's organization only. Run by a console when its Review
-- workspace opens and before "Next", never by a trigger on the platform's tables, which keep
-- their write cost. Idempotent: a call is queued once and gains reasons; a reviewed call does not
-- come back.
create function voxconsole.top_up_review_queue(window_from timestamptz, window_until timestamptz) returns integer
  language plpgsql volatile security definer
  set search_path = ''
  set plan_cache_mode = force_generic_plan
as $$
declare
  org uuid := voxconsole.current_org_id();
  settings record;
  added integer;
begin
  if org is null or coalesce(voxconsole.current_app_role(), '') not in ('manager', 'admin') then
    return 0;
  end if;
  if window_until - window_from > interval '31 days' then
    raise exception 'The queue is filled for at most 31 days at a time.' using errcode = '22023';
  end if;
  select * into settings from voxconsole.review_settings s where s.org_id = org;
  if not found then
    return 0;
  end if;
  with wanted as (
    select c.id as call_id, c.created_at, 'sample' as reason
    from public.calls c
    where settings.sample_percent > 0 and c.org_id = org and c.created_at >= window_from and c.created_at < window_until
      and c.status = 'completed'
      and voxconsole.in_sample(c.id, settings.sample_percent)
    union all
    select k.call_id, k.created_at, 'signal:' || k.kind
    from voxconsole.call_signals k
    where cardinality(settings.always_review) > 0 and k.org_id = org and k.created_at >= window_from and k.created_at < window_until
      and k.holds_from <= now()
      and k.kind = any(settings.always_review)
  ), per_call as (
    select w.call_id, min(w.created_at) as created_at, array_agg(distinct w.reason order by w.reason) as reasons
    from wanted w
    where not exists (select 1 from voxconsole.evaluations e where e.call_id = w.call_id and e.status <> 'draft')
    group by w.call_id
  )
  insert into voxconsole.review_queue as q (org_id, call_id, call_created_at, reasons)
  select org, p.call_id, p.created_at, p.reasons from per_call p
  on conflict (call_id) do update
    set reasons = (select array_agg(distinct r order by r) from unnest(q.reasons || excluded.reasons) r)
    where q.done_at is null and not excluded.reasons <@ q.reasons;
  get diagnostics added = row_count;
  return added;
end
$$;

-- A supervisor sends a call to review from anywhere: it joins the queue (again, if it was
-- reviewed), optionally for someone of the organization. Managers only; the call and the assignee
-- must be of the caller's organization. The queue's done_at is the database's alone, so this runs
-- as the owner and checks all of that itself.
create function voxconsole.send_to_review(target uuid, assignee uuid) returns uuid
  language plpgsql volatile security definer
  set search_path = ''
as $$
declare
  org uuid := voxconsole.current_org_id();
  created timestamptz;
  item uuid;
begin
  if org is null or coalesce(voxconsole.current_app_role(), '') not in ('manager', 'admin') then
    raise exception 'Only managers and admins send calls to review.' using errcode = '42501';
  end if;
  select c.created_at into created from public.calls c where c.id = target and c.org_id = org;
  if not found then
    raise exception 'There is no such call in your organization.' using errcode = 'P0002';
  end if;
  if assignee is not null and not exists (select 1 from public.profiles p where p.id = assignee and p.org_id = org
                                          and p.role in ('manager', 'admin') and p.status = 'active') then
    raise exception 'Calls are assigned to an active manager or admin of your organization.' using errcode = '22023';
  end if;
  insert into voxconsole.review_queue as q (org_id, call_id, call_created_at, reasons, sent_by, assignee_id)
  values (org, target, created, array['sent'], voxconsole.current_profile_id(), assignee)
  on conflict (call_id) do update
    set reasons = case when 'sent' = any(q.reasons) then q.reasons else q.reasons || array['sent'] end,
        sent_by = excluded.sent_by, assignee_id = coalesce(excluded.assignee_id, q.assignee_id),
        done_at = null, evaluation_id = null, taken_by = null, taken_at = null
  returning q.id into item;
  return item;
end
$$;

-- "Next": the caller's own unfinished item first, then one assigned to it, then the oldest call
-- left for anyone. SKIP LOCKED: two reviewers asking at once never get the same item and never
-- wait for each other. An item taken more than two hours ago and not done is free again, so a
-- reviewer who went home does not keep it. Returns the call, or null when the queue is empty.
create function voxconsole.take_next_review() returns uuid
  language plpgsql volatile
  set search_path = ''
as $$
declare
  me uuid := voxconsole.current_profile_id();
  org uuid := voxconsole.current_org_id();
  taken uuid;
begin
  if coalesce(voxconsole.current_app_role(), '') not in ('manager', 'admin') then
    raise exception 'Only managers and admins review calls.' using errcode = '42501';
  end if;
  update voxconsole.review_queue q set taken_by = me, taken_at = now()
  where q.id = (
    select i.id from voxconsole.review_queue i
    where i.org_id = org and i.done_at is null
      and (i.taken_by = me
           or ((i.assignee_id is null or i.assignee_id = me) and (i.taken_by is null or i.taken_at < now() - interval '2 hours')))
    order by i.taken_by is distinct from me, i.assignee_id is distinct from me, i.call_created_at, i.id
    limit 1
    for update skip locked)
  returning q.call_id into taken;
  return taken;
end
$$;

-- Bulk loads switch the audit and live triggers of the console's own tables off too (V5 only
-- knew the platform's).
create or replace function voxconsole.set_change_tracking(enabled boolean) returns void
  language plpgsql
  set search_path = ''
as $$
declare
  trg record;
begin
  for trg in
    select n.nspname as schema_name, c.relname as table_name, t.tgname as trigger_name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'voxconsole') and not t.tgisinternal
      and (t.tgname = 'voxconsole_audit' or t.tgname like 'voxconsole\_notify\_%')
  loop
    execute format('alter table %I.%I %s trigger %I', trg.schema_name, trg.table_name,
                   case when enabled then 'enable' else 'disable' end, trg.trigger_name);
  end loop;
end $$;

-- Audit and live changes, as for the platform's tables the console writes (V4, V5). Answers have
-- no id of their own: their audit rows name the evaluation in their details, and a save always
-- moves the evaluation, which is what other consoles hear of.
do $$
declare
  t text;
begin
  foreach t in array array['scorecard_forms', 'scorecard_versions', 'scorecard_questions', 'review_settings', 'evaluations',
                           'evaluation_answers', 'evaluation_comments', 'review_queue'] loop
    execute format('create trigger voxconsole_audit after insert or update or delete on voxconsole.%I
                    for each row execute function voxconsole.audit_row()', t);
  end loop;
  foreach t in array array['scorecard_forms', 'scorecard_versions', 'evaluations', 'evaluation_comments', 'review_queue'] loop
    execute format('create trigger voxconsole_notify_insert after insert on voxconsole.%I referencing new table as new_rows
                    for each statement execute function voxconsole.notify_changed()', t);
    execute format('create trigger voxconsole_notify_update after update on voxconsole.%I referencing new table as new_rows
                    for each statement execute function voxconsole.notify_changed()', t);
    execute format('create trigger voxconsole_notify_delete after delete on voxconsole.%I referencing old table as old_rows
                    for each statement execute function voxconsole.notify_changed()', t);
  end loop;
end $$;
-- review_settings has no id column; its live notice names the organization instead.
create function voxconsole.notify_settings_changed() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
declare
  per_org record;
begin
  for per_org in select n.org_id from new_rows n loop
    perform voxconsole.announce(tg_table_name, left(tg_op, 1), per_org.org_id, 1, array[per_org.org_id]);
  end loop;
  return null;
exception when others then
  raise warning 'voxconsole: no live notice for % on %: %', tg_op, tg_table_name, sqlerrm;
  return null;
end $$;
create trigger voxconsole_notify_insert after insert on voxconsole.review_settings referencing new table as new_rows
  for each statement execute function voxconsole.notify_settings_changed();
create trigger voxconsole_notify_update after update on voxconsole.review_settings referencing new table as new_rows
  for each statement execute function voxconsole.notify_settings_changed();

-- Who may do what ---------------------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['scorecard_forms', 'scorecard_versions', 'scorecard_questions', 'review_settings', 'evaluations',
                           'evaluation_answers', 'evaluation_comments', 'review_queue'] loop
    execute format('alter table voxconsole.%I enable row level security', t);
    execute format('alter table voxconsole.%I force row level security', t);
    -- Everyone of the organization reads its forms, evaluations and queue.
    execute format('create policy %I on voxconsole.%I for select to vox_user using (org_id = (select voxconsole.current_org_id()))',
                   t || '_select', t);
    execute format('grant select on voxconsole.%I to vox_user', t);
  end loop;
  -- Admins design the forms and set the sampling.
  foreach t in array array['scorecard_forms', 'scorecard_versions', 'scorecard_questions', 'review_settings'] loop
    execute format($p$create policy %I on voxconsole.%I for insert to vox_admin
                      with check (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')$p$,
                   t || '_insert', t);
    execute format($p$create policy %I on voxconsole.%I for update to vox_admin
                      using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')
                      with check (org_id = (select voxconsole.current_org_id()))$p$, t || '_update', t);
    execute format($p$create policy %I on voxconsole.%I for delete to vox_admin
                      using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) = 'admin')$p$,
                   t || '_delete', t);
  end loop;
end $$;

grant select on voxconsole.evaluation_scores to vox_user;
grant insert (id, name, kind), update (name, kind, archived_at), delete on voxconsole.scorecard_forms to vox_admin;
grant insert (id, form_id, version, pass_mark), update (pass_mark), delete on voxconsole.scorecard_versions to vox_admin;
grant insert (id, version_id, section, position, prompt, help, answer_type, choices, weight, allows_na, critical),
  update (section, position, prompt, help, answer_type, choices, weight, allows_na, critical), delete
  on voxconsole.scorecard_questions to vox_admin;
grant insert (sample_percent, always_review), update (sample_percent, always_review)
  on voxconsole.review_settings to vox_admin;

-- Managers (and admins, who are managers too) evaluate. A new evaluation is their own; its call,
-- form and reviewer never change afterwards (no column grant for them).
create policy evaluations_insert on voxconsole.evaluations for insert to vox_manager
  with check (org_id = (select voxconsole.current_org_id()) and reviewer_id = (select voxconsole.current_profile_id())
              and (select voxconsole.current_app_role()) in ('manager', 'admin'));
create policy evaluations_update on voxconsole.evaluations for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select voxconsole.current_org_id()));
-- Only a draft, and only its reviewer's, is thrown away; everything after that is history.
create policy evaluations_delete on voxconsole.evaluations for delete to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and reviewer_id = (select voxconsole.current_profile_id()) and status = 'draft'
         and (select voxconsole.current_app_role()) in ('manager', 'admin'));
grant insert (id, call_id, version_id, offline_signer), update (status, reopen_reason), delete on voxconsole.evaluations to vox_manager;

create policy evaluation_answers_insert on voxconsole.evaluation_answers for insert to vox_manager
  with check (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'));
create policy evaluation_answers_update on voxconsole.evaluation_answers for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select voxconsole.current_org_id()));
create policy evaluation_answers_delete on voxconsole.evaluation_answers for delete to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'));
grant insert (evaluation_id, question_id, value, not_applicable), update (value, not_applicable), delete
  on voxconsole.evaluation_answers to vox_manager;

-- Comments: managers write them; each author changes or removes only their own.
create policy evaluation_comments_insert on voxconsole.evaluation_comments for insert to vox_manager
  with check (org_id = (select voxconsole.current_org_id()) and author_id = (select voxconsole.current_profile_id())
              and (select voxconsole.current_app_role()) in ('manager', 'admin'));
create policy evaluation_comments_update on voxconsole.evaluation_comments for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and author_id = (select voxconsole.current_profile_id()))
  with check (org_id = (select voxconsole.current_org_id()));
create policy evaluation_comments_delete on voxconsole.evaluation_comments for delete to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and author_id = (select voxconsole.current_profile_id()));
grant insert (id, evaluation_id, turn_index, body), update (turn_index, body), delete on voxconsole.evaluation_comments to vox_manager;

-- The queue: calls join it through voxconsole.send_to_review and voxconsole.top_up_review_queue,
-- and leave it when their evaluation is submitted (voxconsole.finish_queue_item), never by a
-- client's word. Managers assign items and take them.
create policy review_queue_update on voxconsole.review_queue for update to vox_manager
  using (org_id = (select voxconsole.current_org_id()) and (select voxconsole.current_app_role()) in ('manager', 'admin'))
  with check (org_id = (select voxconsole.current_org_id()));
grant update (assignee_id, taken_by, taken_at) on voxconsole.review_queue to vox_manager;

revoke all on function voxconsole.choices_fit(jsonb), voxconsole.answer_score(text, jsonb, smallint), voxconsole.in_sample(uuid, numeric),
  voxconsole.keep_used_versions(), voxconsole.check_answer(), voxconsole.refuse_frozen_answer_delete(), voxconsole.check_evaluation(),
  voxconsole.finish_queue_item(), voxconsole.new_scorecard_version(uuid), voxconsole.top_up_review_queue(timestamptz, timestamptz),
  voxconsole.send_to_review(uuid, uuid), voxconsole.take_next_review(), voxconsole.set_change_tracking(boolean),
  voxconsole.notify_settings_changed() from public;
grant execute on function voxconsole.choices_fit(jsonb), voxconsole.answer_score(text, jsonb, smallint), voxconsole.in_sample(uuid, numeric)
  to vox_user;
grant execute on function voxconsole.new_scorecard_version(uuid) to vox_admin;
grant execute on function voxconsole.top_up_review_queue(timestamptz, timestamptz), voxconsole.send_to_review(uuid, uuid), voxconsole.take_next_review()
  to vox_manager;
