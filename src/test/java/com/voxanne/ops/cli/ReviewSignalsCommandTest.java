package com.voxanne.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.signals.FlaggedCall;
import com.voxanne.ops.signals.Signal;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.signals.SignalService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * `voxconsole review signals` gives the console's answer, as the person under row-level security,
 * in the interface issue 16 fixed for scripts: one line per call, or one JSON object per line.
 */
class ReviewSignalsCommandTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static CliRun signals(String... more) throws Exception {
        var login = TestWorkspace.login("harley", "manager");
        List<String> args = new ArrayList<>(List.of("review", "signals", "--url", TestWorkspace.get().jdbcUrl(), "--user", login.loginRole()));
        args.addAll(List.of(more));
        return CliRun.run(Map.of("PGPASSWORD", login.password()), null, args.toArray(String[]::new));
    }

    /** The console's answer for October 2026, as "call kinds evidence" lines. */
    private static List<String> console(Set<SignalKind> kinds) {
        var org = TestWorkspace.orgId("Harley Street Dental Clinic");
        List<FlaggedCall> flagged = new SignalService(TestWorkspace.as("harley", "manager").jdbi()).flagged(org,
                LocalDate.of(2026, 10, 1).atStartOfDay(LONDON).toInstant(), LocalDate.of(2026, 11, 1).atStartOfDay(LONDON).toInstant(),
                kinds, Instant.now());
        return flagged.stream().map(c -> c.callId() + " " + c.createdAt() + " "
                + String.join(",", c.signals().stream().map(s -> s.kind().key() + "=" + s.evidence()).toList())).toList();
    }

    @Test
    void theJsonLinesAreTheConsolesListInTheIssuesFormat() throws Exception {
        CliRun run = signals("--since", "2026-10-01", "--until", "2026-10-31", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> fromCli = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : run.out().lines().toList()) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.fieldNames()).toIterable().containsExactly("call_id", "created_at", "signals");
            List<String> signals = new ArrayList<>();
            for (JsonNode s : node.get("signals")) {
                assertThat(s.fieldNames()).toIterable().containsExactly("kind", "evidence");
                signals.add(s.get("kind").asText() + "=" + s.get("evidence").asText());
            }
            fromCli.add(node.get("call_id").asText() + " " + Instant.parse(node.get("created_at").asText()) + " " + String.join(",", signals));
        }
        assertThat(fromCli).hasSizeGreaterThan(20).isEqualTo(console(Set.of()));
    }

    @Test
    void textIsOneLinePerCallAndKindsNarrowIt() throws Exception {
        CliRun run = signals("--since", "2026-10-01", "--until", "2026-10-31", "--kind", "repeat_call", "--kind", "dropped");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(console(Set.of(SignalKind.REPEAT_CALL, SignalKind.DROPPED)).size())
                .allSatisfy(l -> assertThat(l).matches("2026-10-\\d\\d \\d\\d:\\d\\d  [0-9a-f-]{36}  (repeat_call|dropped|repeat_call,dropped)  .+"));
        assertThat(run.err()).contains("flagged calls from 2026-10-01 to 2026-10-31 (Europe/London)");
    }

    @Test
    void aKindThatDoesNotExistOrAnEmptyRangeIsOneSentenceAndANonZeroExit() throws Exception {
        CliRun unknown = signals("--kind", "angry");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.errLines()).first().asString().contains("There is no kind of signal 'angry'").contains("booking_not_found");
        CliRun backwards = signals("--since", "2026-10-31", "--until", "2026-10-01");
        assertThat(backwards.exit()).isNotZero();
        assertThat(backwards.errLines()).containsExactly("--since 2026-10-31 is after --until 2026-10-01: the range is empty.");
    }
}
