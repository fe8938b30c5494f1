package com.voxanne.ops.signals;

/**
 * The signals' questions. The rules are docs/SIGNALS.md's, written once in the database
 * ({@code voxconsole.signals_of}, migration V8), whose triggers keep every call's signals in
 * {@code voxconsole.call_signals} as the platform writes; these read the kept rows. Every question
 * names the organization as a constant for the planner, and row-level security still decides
 * every row read, so the console and the command line give each person the same answer, from
 * their own organization only.
 *
 * <p>Parameters: {@code :org}, {@code :asOf} (the moment the question is asked for: a signal that
 * waits on the clock, such as a follow-up missing once its 24 hours have passed, holds from a kept
 * moment on), {@code :kinds} (the keys asked for), and either {@code :from}/{@code :to} or
 * {@code :ids}.
 */
final class SignalSql {

    private SignalSql() {
    }

    /** Kept for this organization, holding at the moment asked for, of a kind asked for (a leading space: text blocks drop trailing ones). */
    private static final String HOLDING = " s.org_id = :org and s.created_at <= :asOf and s.holds_from <= :asOf and s.kind = any(:kinds)\n";

    /** Every signal of the calls that began in [from, to), newest call first. */
    static final String SIGNALS_OF_PERIOD = """
            select s.call_id, s.created_at, s.kind, s.evidence, s.related_call_id
            from voxconsole.call_signals s
            where s.created_at >= :from and s.created_at < :to and """ + HOLDING + """
            order by s.created_at desc, s.call_id""";

    /** Every signal of some calls (a page of the call log, one call's detail). */
    static final String SIGNALS_OF_CALLS = """
            select s.call_id, s.created_at, s.kind, s.evidence, s.related_call_id
            from voxconsole.call_signals s
            where s.call_id = any(:ids) and """ + HOLDING + """
            order by s.created_at desc, s.call_id""";

    /** How many calls had each kind, per day in the organization's time zone (kept with each signal). */
    static final String COUNTS_PER_DAY = """
            select s.day, s.kind, count(*) as calls
            from voxconsole.call_signals s
            where s.created_at >= :from and s.created_at < :to and """ + HOLDING + """
            group by 1, 2 order by 1, 2""";

    /** The calls asked about, with their caller's number (the other end of the line) and their end: for what happened after each. */
    static final String SOME_CALLS = """
            select c.id, c.created_at, c.status, c.duration_seconds, c.contact_id,
                   case when c.call_direction = 'outbound' then c.to_number else c.from_number end as number,
                   c.created_at + make_interval(secs => coalesce(c.duration_seconds, 0)) as ended_at
            from public.calls c
            where c.org_id = :org and c.id = any(:ids) and c.created_at <= :asOf
            """;
}
