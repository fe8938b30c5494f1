-- Issue 17, measured at a million calls (docs/PERFORMANCE.md): the Quality report took 271 ms
-- at p50 for 516 evaluations, ten times what reading the same rows into a client took. The cause
-- was voxconsole.answer_score. Every function here sets its search_path (Supabase's Security
-- Advisor reports one that does not), and PostgreSQL never inlines a function with a SET clause.
-- So each answer paid a real call with a search_path switch, twice: once for the score and once
-- for the critical check.
--
-- The rule moves into a view, which the planner inlines. Each query reads the answer's score from
-- voxconsole.answer_scores, so the rule is still written once, here, and every client agrees.
-- On the 1M-call server the 30-day headline query went from 62 ms to 16 ms, with the same figures.

create view voxconsole.answer_scores with (security_invoker = true) as
  select a.evaluation_id, a.question_id, a.org_id, a.value, a.not_applicable,
         q.version_id, q.section, q.position, q.prompt, q.answer_type, q.choices, q.weight, q.critical,
         -- What an answer scores, from 0 to 1. Failed means under one half: a no, a 1 or 2 of 5, a
         -- choice worth less than half. Null for N/A.
         case q.answer_type
           when 'yes_no' then a.value::numeric
           when 'scale_1_5' then (a.value - 1) / 4.0
           when 'choice' then (q.choices -> a.value::integer ->> 'value')::numeric
         end as score
  from voxconsole.evaluation_answers a
  join voxconsole.scorecard_questions q on q.id = a.question_id;

-- The same columns as V9's, so every reader stays as it is.
create or replace view voxconsole.evaluation_scores with (security_invoker = true) as
  select e.id as evaluation_id, e.org_id, e.call_id, e.version_id, e.reviewer_id, e.status, e.submitted_at,
         case when s.critical_failed then 0 else s.weighted end as score,
         s.weighted as score_without_critical,
         s.critical_failed,
         not s.critical_failed and coalesce(s.weighted, 0) >= v.pass_mark as passed,
         s.answered, s.not_applicable
  from voxconsole.evaluations e
  join voxconsole.scorecard_versions v on v.id = e.version_id
  cross join lateral (
    select round(100 * sum(a.weight * a.score) filter (where not a.not_applicable)
                 / nullif(sum(a.weight) filter (where not a.not_applicable), 0), 1) as weighted,
           coalesce(bool_or(a.critical and a.score < 0.5), false) as critical_failed,
           count(*) filter (where not a.not_applicable) as answered,
           count(*) filter (where a.not_applicable) as not_applicable
    from voxconsole.answer_scores a
    where a.evaluation_id = e.id
  ) s;

-- Nothing calls the function now; keeping it would keep a second copy of the rule.
drop function voxconsole.answer_score(text, jsonb, smallint);

-- Read as the evaluations are: users of the organization, under the tables' own row-level security.
grant select on voxconsole.answer_scores to vox_user;


-- The same cause made the queue's fill slow: voxconsole.in_sample, called once per call of the
-- week. At a million calls, with 2,829 calls that week, the fill took 18.8 ms at p50, and Next,
-- which fills first, took 18.1 ms. The fill now writes the rule out. in_sample stays as the rule's
-- name for everything else (the demo, the tests), and ReviewQueueTest checks that the queue's
-- sample is exactly the calls in_sample picks.
create or replace function voxconsole.top_up_review_queue(window_from timestamptz, window_until timestamptz) returns integer
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
      -- voxconsole.in_sample, written out: see above.
      and ('x' || substr(md5(c.id::text), 1, 8))::bit(32)::bigint < settings.sample_percent / 100.0 * 4294967296
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
