-- The calendar's month grid counts a month's appointments by day and status. With the status in
-- the index the count is an index-only scan (5,500 entries for the busiest month of the largest
-- organization at a million calls) instead of one heap page per appointment (docs/PERFORMANCE.md).
drop index public.appointments_org_id_scheduled_at_idx;
create index appointments_org_id_scheduled_at_idx on public.appointments (org_id, scheduled_at, id) include (status);
