-- The call log sorts by length in the database, paging by keyset on (length, created_at, id).
-- Calls without a length (pending) sort as -1: below every real call, and one index serves both
-- directions (the shortest-first pages walk it backwards).
create index calls_org_id_duration_idx
  on public.calls (org_id, (coalesce(duration_seconds, -1)) desc, created_at desc, id desc);
