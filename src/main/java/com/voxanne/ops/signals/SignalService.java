package com.voxanne.ops.signals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The calls where the AI got it wrong, and what happened after each call, as the database finds
 * them for the signed-in person (docs/SIGNALS.md). The console and {@code voxconsole review
 * signals} both ask here, so they give the same answer. A question of one statement is asked on its
 * own (one statement reads one snapshot; a transaction around it cost three more round trips,
 * about 0.7 ms, a fifth of a day's signals); one of two statements is one read-only transaction.
 */
public class SignalService {

    private final Jdbi jdbi;

    public SignalService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The flagged calls that began in [from, to), newest first, with the kinds asked for (all when empty). */
    public List<FlaggedCall> flagged(UUID org, Instant from, Instant to, Set<SignalKind> kinds, Instant asOf) {
        List<SignalDao.Row> rows = ask(dao -> dao.ofPeriod(org, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                asOf.atOffset(ZoneOffset.UTC), keys(kinds)));
        return group(rows);
    }

    /** The signals of these calls (a page of the log, a call's detail), by call; calls without any are absent. */
    public Map<UUID, List<Signal>> ofCalls(UUID org, Collection<UUID> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return byCall(ask(dao -> dao.ofCalls(org, ids.toArray(UUID[]::new), asOf.atOffset(ZoneOffset.UTC), keys(Set.of()))));
    }

    /** How many calls had each kind, per day of the organization's time zone, in [from, to). */
    public List<SignalDay> perDay(UUID org, Instant from, Instant to, Instant asOf) {
        return ask(dao -> dao.countsPerDay(org, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), asOf.atOffset(ZoneOffset.UTC),
                keys(Set.of())));
    }

    /** The signals of these calls and what happened after each, in one read-only transaction. */
    public Map<UUID, CallOutcome> outcomes(UUID org, Collection<UUID> ids, Instant asOf) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] asked = ids.toArray(UUID[]::new);
        return read(dao -> {
            Map<UUID, List<Signal>> flagged = byCall(dao.ofCalls(org, asked, asOf.atOffset(ZoneOffset.UTC), keys(Set.of())));
            Map<UUID, CallOutcome> byCall = new LinkedHashMap<>();
            for (AfterTheCall after : dao.outcomes(org, asked, asOf.atOffset(ZoneOffset.UTC))) {
                byCall.put(after.callId(), new CallOutcome(flagged.getOrDefault(after.callId(), List.of()), after, asOf));
            }
            return byCall;
        });
    }

    /** The organization's time zone, as the signals use it for days and times (its settings' "timezone"). */
    public java.time.ZoneId zoneOf(UUID org) {
        String zone = jdbi.withHandle(h -> h.createQuery("select voxconsole.time_zone_of(settings) from public.organizations where id = :org")
                .bind("org", org).mapTo(String.class).findOne().orElse("Europe/London"));
        return java.time.ZoneId.of(zone);
    }

    private <T> T ask(java.util.function.Function<SignalDao, T> question) {
        return jdbi.withHandle(h -> question.apply(h.attach(SignalDao.class)));
    }

    private <T> T read(java.util.function.Function<SignalDao, T> question) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            return question.apply(h.attach(SignalDao.class));
        });
    }

    private static String[] keys(Set<SignalKind> kinds) {
        Set<SignalKind> asked = kinds.isEmpty() ? EnumSet.allOf(SignalKind.class) : kinds;
        return asked.stream().map(SignalKind::key).toArray(String[]::new);
    }

    private static Map<UUID, List<Signal>> byCall(List<SignalDao.Row> rows) {
        Map<UUID, List<Signal>> byCall = new LinkedHashMap<>();
        for (FlaggedCall call : group(rows)) {
            byCall.put(call.callId(), call.signals());
        }
        return byCall;
    }

    /** Rows (one per signal, newest call first) as calls, each with its signals in the kinds' order. */
    static List<FlaggedCall> group(List<SignalDao.Row> rows) {
        Map<UUID, List<SignalDao.Row>> byCall = new LinkedHashMap<>();
        for (SignalDao.Row row : rows) {
            byCall.computeIfAbsent(row.callId(), k -> new ArrayList<>()).add(row);
        }
        List<FlaggedCall> calls = new ArrayList<>(byCall.size());
        for (List<SignalDao.Row> one : byCall.values()) {
            List<Signal> signals = one.stream()
                    .map(r -> new Signal(SignalKind.byKey(r.kind()).orElseThrow(), r.evidence(), r.relatedCallId()))
                    .sorted(Comparator.comparing(Signal::kind)).toList();
            calls.add(new FlaggedCall(one.get(0).callId(), one.get(0).createdAt(), signals));
        }
        return calls;
    }
}
