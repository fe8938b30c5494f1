package com.voxanne.ops.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The call log under a supervisor's own role: keyset pages, filters, search, and the plan behind them. */
class CallDaoTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");
    private final Jdbi harley = TestWorkspace.as("harley", "user").jdbi();
    private final Jdbi owner = TestWorkspace.owner();

    @Test
    void pagingThroughTheWholeLogReturnsEveryCallOnceNewestFirst() {
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        List<UUID> expected = owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o order by created_at desc, id desc")
                .bind("o", org).mapTo(UUID.class).list());
        List<UUID> paged = pageAll(CallLogQuery.firstPage(ORG, 97));
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersAndSearchReturnOnlyMatchingCallsOfTheOrganization() {
        var negativeInbound = CallLogQuery.firstPage(ORG, 200).withDirections(Set.of("inbound")).withSentimentLabels(Set.of("negative"));
        List<CallSummary> rows = page(negativeInbound);
        assertThat(rows).isNotEmpty().allMatch(r -> r.callDirection().equals("inbound") && r.sentimentLabel().equals("negative"));

        var critical = CallLogQuery.firstPage(ORG, 200).withUrgencies(Set.of("critical", "high")).withStatuses(Set.of("completed"));
        assertThat(page(critical))
                .isNotEmpty().allMatch(r -> Set.of("critical", "high").contains(r.sentimentUrgency()));

        var refunds = CallLogQuery.firstPage(ORG, 50).withText("refund charged twice");
        List<CallSummary> found = page(refunds);
        assertThat(found).isNotEmpty();
        for (CallSummary s : found) {
            CallDetail d = harley.withExtension(CallDao.class, dao -> dao.find(s.id())).orElseThrow();
            assertThat(d.summary() + d.transcript()).containsIgnoringCase("refund").containsIgnoringCase("charged");
        }

        Instant to = TestWorkspace.ANCHOR.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant from = to.minus(7, ChronoUnit.DAYS);
        List<CallSummary> week = pageAllRows(CallLogQuery.firstPage(ORG, 100).between(from, to));
        assertThat(week).isNotEmpty().allMatch(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to));

        UUID contact = week.stream().filter(r -> r.contactId() != null).findFirst().orElseThrow().contactId();
        assertThat(pageAllRows(CallLogQuery.firstPage(ORG, 100).withContact(contact))).isNotEmpty().allMatch(r -> contact.equals(r.contactId()));
    }

    @Test
    void aSearchUnderRowLevelSecurityFindsWhatTheOwnerFindsInEveryOrderAndPage() {
        // A caller's name (rare), a topic, and a word in most calls, alone and with filters.
        String name = owner.withHandle(h -> h.createQuery("""
                        select ct.first_name || ' ' || ct.last_name from calls c join contacts ct on ct.id = c.contact_id
                        where c.org_id = :o group by 1 order by count(*) desc, 1 limit 1""").bind("o", ORG).mapTo(String.class).one());
        for (String text : List.of(name, "refund", "appointment")) {
            for (CallSort sort : CallSort.values()) {
                String order = ownersOrder(sort);
                List<UUID> expected = owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o"
                                + " and " + CallDao.SEARCH_DOCUMENT + " @@ websearch_to_tsquery('english', :t) and status = 'completed' order by " + order)
                        .bind("o", ORG).bind("t", text).mapTo(UUID.class).list());
                assertThat(expected).as(text).isNotEmpty();
                assertThat(pageAll(CallLogQuery.firstPage(ORG, 37).withText(text).withStatuses(Set.of("completed")).sorted(sort)))
                        .as(text + ", " + sort).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aRareSearchUsesTheTextIndexAndNeverSeesAnotherOrganization() {
        UUID other = TestWorkspace.orgId("Brightside Physiotherapy");
        String name = owner.withHandle(h -> h.createQuery("""
                        select ct.first_name || ' ' || ct.last_name from calls c join contacts ct on ct.id = c.contact_id
                        where c.org_id = :o group by 1 order by count(*) desc, 1 limit 1""").bind("o", other).mapTo(String.class).one());
        long before = ginScans();
        // The other organization's most frequent caller, searched by this one: only this one's calls, if any.
        List<CallSummary> rows = harley.withHandle(h -> {
            List<CallSummary> found = h.attach(CallDao.class).page(CallLogQuery.firstPage(ORG, 100).withText(name));
            h.createQuery("select pg_stat_force_next_flush()").mapTo(String.class).one();
            return found;
        });
        assertThat(ginScans()).as("the GIN index answered the search, under the login's role").isGreaterThan(before);
        List<UUID> ownersView = owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o and "
                        + CallDao.SEARCH_DOCUMENT + " @@ websearch_to_tsquery('english', :t) order by created_at desc, id desc limit 100").bind("o", ORG).bind("t", name).mapTo(UUID.class).list());
        assertThat(rows).extracting(CallSummary::id).containsExactlyElementsOf(ownersView);

        // Called directly, the function names ids of the caller's organization only, whatever it is asked.
        List<UUID> direct = harley.withHandle(h -> h.createQuery("""
                        select voxconsole.search_call_ids(:t, 'NEWEST', null, null, null, null, null, '{}', '{}', '{}', '{}', null, null, null)""")
                .bind("t", name).mapTo(UUID.class).list());
        List<UUID> foreign = owner.withHandle(h -> h.createQuery("select id from calls where org_id <> :o and id = any(:ids)")
                .bind("o", ORG).bindArray("ids", UUID.class, direct).mapTo(UUID.class).list());
        assertThat(foreign).isEmpty();
        boolean publicMayCall = owner.withHandle(h -> h.createQuery("""
                        select has_function_privilege('public', 'voxconsole.search_call_ids(text, text, timestamptz, uuid, integer, timestamptz,
                          timestamptz, text[], text[], text[], text[], uuid, uuid[], integer)', 'execute')""").mapTo(Boolean.class).one());
        assertThat(publicMayCall).as("PUBLIC may not call it").isFalse();
    }

    private long ginScans() {
        return owner.withHandle(h -> {
            h.createQuery("select pg_stat_force_next_flush()").mapTo(String.class).one();
            return h.createQuery("select idx_scan from pg_stat_user_indexes where indexrelname = 'call_documents_document_idx'").mapTo(Long.class).one();
        });
    }

    @Test
    void searchTermsThatLookLikeOperatorsAreJustWords() {
        for (String hostile : List.of("refund & | ! <-> ( )", "'; drop table calls; --", "100%_\\", "\"unterminated", ":* :A")) {
            var q = CallLogQuery.firstPage(ORG, 10).withText(hostile);
            List<CallSummary> rows = page(q);
            assertThat(rows).isNotNull();
        }
        int calls = owner.withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Integer.class).one());
        assertThat(calls).isPositive();
    }

    @Test
    void pagingHasNoGapsOrDuplicatesWhileCallsArriveConcurrently() throws Exception {
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        List<UUID> before = owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o order by created_at desc, id desc")
                .bind("o", org).mapTo(UUID.class).list());
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (paging.get()) {
                owner.useHandle(h -> h.createUpdate("""
                                insert into calls (org_id, call_direction, from_number, to_number, status, created_at)
                                values (:o, 'inbound', '+447700900999', '+442079460000', 'in_progress', now())""")
                        .bind("o", org).execute());
                inserted.incrementAndGet();
            }
        });
        writer.start();
        List<UUID> paged;
        try {
            paged = new ArrayList<>();
            CallLogQuery q = CallLogQuery.firstPage(ORG, 50).between(null, Instant.now());
            List<CallSummary> page;
            do {
                CallLogQuery current = q;
                page = page(current);
                page.forEach(r -> paged.add(r.id()));
                if (!page.isEmpty()) {
                    q = q.after(page.get(page.size() - 1).cursor());
                }
                Thread.sleep(2);
            } while (page.size() == 50);
        } finally {
            paging.set(false);
            writer.join();
            owner.useHandle(h -> h.execute("delete from calls where from_number = '+447700900999' and to_number = '+442079460000'"));
        }
        assertThat(inserted.get()).as("calls arrived while paging").isPositive();
        assertThat(new HashSet<>(paged)).as("no duplicates").hasSize(paged.size());
        assertThat(paged).as("no gaps").containsExactlyElementsOf(before);
    }

    @Test
    void aDeepPageIsAnIndexScanInKeyOrderWithNoSort() {
        List<CallSummary> first = page(CallLogQuery.firstPage(ORG, 1000));
        CallCursor deep = first.get(first.size() - 1).cursor();
        owner.useHandle(h -> h.execute("analyze calls"));
        String plan = harley.withHandle(h -> {
            return String.join("\n", h.createQuery("""
                            explain select c.id from public.calls c left join public.contacts ct on ct.id = c.contact_id
                            where c.org_id = :org and (c.created_at, c.id) < (:t, :id) order by c.created_at desc, c.id desc limit 100""")
                    .bind("t", deep.createdAt().atOffset(java.time.ZoneOffset.UTC)).bind("id", deep.id()).bind("org", ORG)
                    .mapTo(String.class).list());
        });
        assertThat(plan).contains("Index Scan using voxconsole_calls_org_id_created_at_id_idx").doesNotContain("Sort").doesNotContain("Seq Scan on calls");
    }

    @Test
    void everySortOrderPagesThroughTheWholeLogInItsOrder() {
        UUID org = ORG;
        for (CallSort sort : CallSort.values()) {
            String order = ownersOrder(sort);
            List<UUID> expected = owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o order by " + order)
                    .bind("o", org).mapTo(UUID.class).list());
            assertThat(pageAll(CallLogQuery.firstPage(ORG, 113).sorted(sort))).as(sort.name()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aDeepPageByLengthIsAnIndexScanToo() {
        owner.useHandle(h -> h.execute("analyze calls"));
        String plan = harley.withHandle(h -> String.join("\n", h.createQuery("""
                        explain select c.id from public.calls c
                        where c.org_id = :org and (coalesce(c.duration_seconds, -1), c.created_at, c.id) < (60, now(), gen_random_uuid())
                        order by coalesce(c.duration_seconds, -1) desc, c.created_at desc, c.id desc limit 100""")
                .bind("org", ORG).mapTo(String.class).list()));
        assertThat(plan).contains("Index Scan using voxconsole_calls_org_id_duration_idx").doesNotContain("Sort");
    }

    private List<CallSummary> page(CallLogQuery q) {
        return harley.onDemand(CallDao.class).page(q);
    }

    private List<UUID> pageAll(CallLogQuery first) {
        return pageAllRows(first).stream().map(CallSummary::id).toList();
    }

    private List<CallSummary> pageAllRows(CallLogQuery first) {
        List<CallSummary> all = new ArrayList<>();
        CallLogQuery q = first;
        while (true) {
            CallLogQuery current = q;
            List<CallSummary> page = page(current);
            all.addAll(page);
            if (page.size() < first.limit()) {
                return all;
            }
            q = q.after(page.get(page.size() - 1).cursor());
        }
    }

    /** Each sort order written out for the owner's reference query, independently of the DAO's. */
    private static String ownersOrder(CallSort sort) {
        return switch (sort) {
            case NEWEST -> "created_at desc, id desc";
            case OLDEST -> "created_at, id";
            case LONGEST -> "coalesce(duration_seconds, -1) desc, created_at desc, id desc";
            case SHORTEST -> "coalesce(duration_seconds, -1), created_at, id";
        };
    }
}
