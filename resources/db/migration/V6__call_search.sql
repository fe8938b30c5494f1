-- Full-text search of the call log, over the document indexed as an expression in
-- resources/db/console-indexes.sql (summary weighted A, transcript B), so the platform's calls
-- table gets no new column and no rewrite. The expression is written out here exactly as there:
-- the planner uses an expression index only for the same expression.
--
-- Under row-level security:
--
-- PostgreSQL evaluates a query's own conditions only after the RLS policy's, unless they are
-- LEAKPROOF, and may use only such conditions as index conditions. The text-search match
-- operator (ts_match_vq) is not leakproof, so under the console's role the GIN index on
-- the call document is never used: a search walks the organization's calls in order and tests
-- each one. That is quick when the words are common (the first 100 matches come early) and reads
-- the whole organization when they are rare, which is what supervisors look for most (a caller's
-- name: 2-3 s at a million calls). Marking ts_match_vq leakproof would need a superuser and change
-- the server for everyone; instead this function runs the search as the schema owner, whose
-- planner may use the GIN index or walk the keyset index, whichever the words call for.
--
-- It is safe to run as the owner because it is not the last word: it reads the caller's own
-- organization only (voxconsole.current_org_id(), never a parameter), returns nothing but call ids,
-- and the console reads the calls themselves through its own role, so row-level security still
-- decides every row it shows. Its SQL is built from fixed pieces only; every value the caller
-- gives is a parameter (USING), never text in the statement.

create function voxconsole.search_call_ids(
    search text, sort text, after_created_at timestamptz, after_id uuid, after_duration integer,
    from_at timestamptz, to_at timestamptz, directions text[], statuses text[], labels text[], urgencies text[],
    contact uuid, only_ids uuid[], page_size integer)
  returns setof uuid
  language plpgsql stable security definer
  set search_path = ''
  rows 100
as $$
declare
  org uuid := voxconsole.current_org_id();
  statement text := 'select c.id from public.calls c where c.org_id = $1'
                    || ' and (pg_catalog.setweight(pg_catalog.to_tsvector(''english''::regconfig, coalesce(c.summary, '''')), ''A'')'
                    || ' || pg_catalog.setweight(pg_catalog.to_tsvector(''english''::regconfig, coalesce(c.transcript, '''')), ''B'')) @@ pg_catalog.websearch_to_tsquery(''english''::regconfig, $2)';
  order_by text;
  after text;
begin
  if org is null or search is null then
    return;
  end if;
  case sort
    when 'NEWEST' then
      order_by := 'c.created_at desc, c.id desc';
      after := '(c.created_at, c.id) < ($3, $4)';
    when 'OLDEST' then
      order_by := 'c.created_at, c.id';
      after := '(c.created_at, c.id) > ($3, $4)';
    when 'LONGEST' then
      order_by := 'coalesce(c.duration_seconds, -1) desc, c.created_at desc, c.id desc';
      after := '(coalesce(c.duration_seconds, -1), c.created_at, c.id) < ($5, $3, $4)';
    when 'SHORTEST' then
      order_by := 'coalesce(c.duration_seconds, -1), c.created_at, c.id';
      after := '(coalesce(c.duration_seconds, -1), c.created_at, c.id) > ($5, $3, $4)';
    else
      raise exception 'Unknown call-log order: %', sort using errcode = '22023';
  end case;
  if after_created_at is not null then
    statement := statement || ' and ' || after;
  end if;
  if from_at is not null then
    statement := statement || ' and c.created_at >= $6';
  end if;
  if to_at is not null then
    statement := statement || ' and c.created_at < $7';
  end if;
  if cardinality(directions) > 0 then
    statement := statement || ' and c.call_direction = any($8)';
  end if;
  if cardinality(statuses) > 0 then
    statement := statement || ' and c.status = any($9)';
  end if;
  if cardinality(labels) > 0 then
    statement := statement || ' and c.sentiment_label = any($10)';
  end if;
  if cardinality(urgencies) > 0 then
    statement := statement || ' and c.sentiment_urgency = any($11)';
  end if;
  if contact is not null then
    statement := statement || ' and c.contact_id = $12';
  end if;
  if only_ids is not null then
    statement := statement || ' and c.id = any($13)';
  end if;
  statement := statement || ' order by ' || order_by;
  if page_size is not null then
    statement := statement || ' limit $14';
  end if;
  return query execute statement
    using org, search, after_created_at, after_id, after_duration, from_at, to_at,
          directions, statuses, labels, urgencies, contact, only_ids, page_size;
end
$$;

revoke all on function voxconsole.search_call_ids(text, text, timestamptz, uuid, integer, timestamptz, timestamptz, text[], text[], text[],
                                               text[], uuid, uuid[], integer) from public;
grant execute on function voxconsole.search_call_ids(text, text, timestamptz, uuid, integer, timestamptz, timestamptz, text[], text[], text[],
                                                  text[], uuid, uuid[], integer) to vox_user;
