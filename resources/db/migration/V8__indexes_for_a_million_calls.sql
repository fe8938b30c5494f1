-- Performance at a million calls (issue 7; docs/PERFORMANCE.md has the measurements and plans).

-- The call log's keyset index also carries what the sentiment charts count, so the charts read
-- the index alone (an index-only scan) instead of one heap page per call: at a million calls a
-- 90-day chart touched ~40,000 heap pages, the index a few hundred.
drop index public.calls_org_id_created_at_id_idx;
create index calls_org_id_created_at_id_idx on public.calls (org_id, created_at desc, id desc)
  include (sentiment_label, sentiment_score, sentiment_urgency, call_direction, status);

-- The calendar's no-show signals: earlier no-shows of the contact, and an unhappy call in the 30
-- days before. Both are rare rows; small partial indexes answer them without touching the tables.
create index appointments_no_show_idx on public.appointments (contact_id, scheduled_at) where status = 'no-show';
create index calls_negative_by_contact_idx on public.calls (org_id, contact_id, created_at) where sentiment_label = 'negative';
