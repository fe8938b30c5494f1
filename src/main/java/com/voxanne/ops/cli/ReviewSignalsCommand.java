package com.voxanne.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.signals.FlaggedCall;
import com.voxanne.ops.signals.Signal;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.signals.SignalService;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `review signals`: the flagged calls of a range, as --user under row-level security, from the
 * same query the console asks (docs/SIGNALS.md). The interface is fixed by issue 16 because
 * operators script it: one line per call, or with --json one JSON object per line,
 * {"call_id": "…", "created_at": "…", "signals": [{"kind": "…", "evidence": "…"}, …]}.
 */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Lists the calls the signals flag, each with its evidence: a booking not found or made for another time, a caller"
                + " ringing again, a no-show, a hot lead or an unhappy caller nobody followed up, a dropped call.",
            "Runs as --user, so row-level security decides which calls are seen. Days are the organization's."})
final class ReviewSignalsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "First day (default: 7 days before --until).")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day, included (default: today).")
    LocalDate until;

    @Option(names = "--kind", paramLabel = "K", description = "Only this kind (repeatable): ${COMPLETION-CANDIDATES}.",
            converter = KindConverter.class, completionCandidates = KindNames.class)
    List<SignalKind> kinds = List.of();

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var settings = server.settings();
        char[] password = PasswordSource.forUser(settings.user());
        try (ConsoleDatabase db = ConsoleDatabase.open(settings, password, "review-signals")) {
            var session = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow(() -> new UserFacingException(
                    "The login " + settings.user() + " has no active profile in the console, so it sees no calls."));
            SignalService signals = new SignalService(db.jdbi());
            ZoneId zone = signals.zoneOf(session.orgId());
            Instant now = Instant.now();
            LocalDate last = until != null ? until : LocalDate.ofInstant(now, zone);
            LocalDate first = since != null ? since : last.minusDays(7);
            if (first.isAfter(last)) {
                throw new UserFacingException("--since " + first + " is after --until " + last + ": the range is empty.");
            }
            Set<SignalKind> asked = kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
            List<FlaggedCall> flagged = signals.flagged(session.orgId(), first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(), asked, now);
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            for (FlaggedCall call : flagged) {
                out.println(json ? json(mapper, call) : text(call, zone));
            }
            out.flush();
            if (!json) {
                spec.commandLine().getErr().printf("%,d flagged call%s from %s to %s (%s).%n", flagged.size(), flagged.size() == 1 ? "" : "s",
                        first, last, zone.getId());
            }
        }
        return 0;
    }

    private static String text(FlaggedCall call, ZoneId zone) {
        return WHEN.format(call.createdAt().atZone(zone)) + "  " + call.callId() + "  "
                + call.signals().stream().map(s -> s.kind().key()).collect(Collectors.joining(",")) + "  "
                + call.signals().stream().map(Signal::evidence).collect(Collectors.joining(" | "));
    }

    private static String json(ObjectMapper mapper, FlaggedCall call) throws Exception {
        ObjectNode node = mapper.createObjectNode();
        node.put("call_id", call.callId().toString());
        node.put("created_at", call.createdAt().toString());
        var list = node.putArray("signals");
        for (Signal s : call.signals()) {
            list.addObject().put("kind", s.kind().key()).put("evidence", s.evidence());
        }
        return mapper.writeValueAsString(node);
    }

    /** The kinds as the command line names them. */
    static final class KindNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(SignalKind.values()).map(SignalKind::key).iterator();
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<SignalKind> {
        @Override
        public SignalKind convert(String value) {
            return SignalKind.byKey(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "There is no kind of signal '" + value + "': use one of " + SignalKind.keys() + "."));
        }
    }
}
