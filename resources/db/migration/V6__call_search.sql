-- Full-text search of the call log.
--
-- The search document (summary weighted A, transcript B) is kept in the console's own table,
-- voxconsole.call_documents, not as a column of the platform's calls (a new column rewrites the
-- biggest table) and not only as an expression index: a search for a common word walks the
-- organization's calls newest first and tests each, and computing each walked call's document
-- again made a topic ('refund', one call in fourteen) 22 times slower than a stored document at a
-- million calls (docs/PERFORMANCE.md). A trigger keeps the table in step with the platform's
-- writes; it never makes one fail. Existing calls are filled in by adopt after the migrations, in
-- batches outside any transaction (SchemaMigrator), so the web app keeps writing meanwhile.
create table voxconsole.call_documents (
  call_id    uuid primary key,
  org_id     uuid not null,
  created_at timestamptz not null,
  document   tsvector not null
);

-- The search walks this keyset for common words and this GIN index for rare ones.
create index call_documents_keyset_idx on voxconsole.call_documents (org_id, created_at desc, call_id desc);
create index call_documents_document_idx on voxconsole.call_documents using gin (document);

create function voxconsole.call_document(summary text, transcript text) returns tsvector
  language sql immutable parallel safe
  set search_path = ''
as $$
  select pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(summary, '')), 'A')
         || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(transcript, '')), 'B')
$$;

create function voxconsole.keep_call_document() returns trigger
  language plpgsql security definer
  set search_path = ''
as $$
begin
  begin
    if tg_op = 'DELETE' then
      delete from voxconsole.call_documents where call_id = old.id;
    elsif tg_op = 'INSERT' or new.summary is distinct from old.summary or new.transcript is distinct from old.transcript
          or new.org_id is distinct from old.org_id or new.created_at is distinct from old.created_at or new.id <> old.id then
      if tg_op = 'UPDATE' and new.id <> old.id then
        delete from voxconsole.call_documents where call_id = old.id;
      end if;
      insert into voxconsole.call_documents (call_id, org_id, created_at, document)
      values (new.id, new.org_id, new.created_at, voxconsole.call_document(new.summary, new.transcript))
      on conflict (call_id) do update set org_id = excluded.org_id, created_at = excluded.created_at, document = excluded.document;
    end if;
  exception when others then
    -- The platform's write goes on; this call is searchable again after its next change or adopt.
    raise warning 'voxconsole: no search document for call %: %', coalesce(new.id, old.id), sqlerrm;
  end;
  return null;
end $$;

create trigger voxconsole_call_document after insert or update or delete on public.calls
  for each row execute function voxconsole.keep_call_document();

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
  statement text := 'select c.id from voxconsole.call_documents d join public.calls c on c.id = d.call_id'
                    || ' where d.org_id = $1 and c.org_id = $1 and d.document @@ pg_catalog.websearch_to_tsquery(''english''::regconfig, $2)';
  order_by text;
  after text;
begin
  if org is null or search is null then
    return;
  end if;
  case sort
    when 'NEWEST' then
      order_by := 'd.created_at desc, d.call_id desc';
      after := '(d.created_at, d.call_id) < ($3, $4)';
    when 'OLDEST' then
      order_by := 'd.created_at, d.call_id';
      after := '(d.created_at, d.call_id) > ($3, $4)';
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
    statement := statement || ' and d.created_at >= $6';
  end if;
  if to_at is not null then
    statement := statement || ' and d.created_at < $7';
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
revoke all on function voxconsole.call_document(text, text) from public;
revoke all on function voxconsole.keep_call_document() from public;
grant execute on function voxconsole.search_call_ids(text, text, timestamptz, uuid, integer, timestamptz, timestamptz, text[], text[], text[],
                                                  text[], uuid, uuid[], integer) to vox_user;
