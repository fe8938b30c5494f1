package com.voxanne.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.QueryPlans;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.signals.SignalKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Quality report scores every evaluation of its period in each of its queries, so a function
 * called per answer costs the whole report: V9's answer_score did (a function with a SET clause is
 * never inlined), and the report took 271 ms at a million calls. The rule is now a view (V10);
 * this checks, in the verbose plans of the very SQL the DAO sends, that the only functions of the
 * console's schema are the session's own, which row-level security evaluates once per query.
 */
class QualityPlanTest {

    private static final Set<String> ONCE_PER_QUERY = Set.of("current_org_id", "current_app_role", "current_profile_id");

    private static java.util.List<String> consoleFunctions() {
        return TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select distinct p.proname from pg_proc p where p.pronamespace = 'voxconsole'::regnamespace").mapTo(String.class).list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "days", "failedQuestions", "failing", "signalEffects", "reviewers", "evaluations"})
    void theReportsQueriesCallNoFunctionPerRow(String method) {
        OffsetDateTime to = TestWorkspace.ANCHOR.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String plan = QueryPlans.explainVerbose(TestWorkspace.as("harley", "manager").jdbi(), QualityDao.class, method, Map.of(
                "from", to.minusDays(30), "to", to, "zone", "Europe/London", "limit", 10, "form", "Clinic call standard",
                "prompt", "Greeted with the business name", "kinds", Arrays.stream(SignalKind.values()).map(SignalKind::key).toArray(String[]::new)));
        assertThat(plan).as("the answers are scored by the inlined view").contains("evaluation_answers");
        // By name, qualified or not (the plan drops the schema of a function on the search_path).
        Set<String> called = new TreeSet<>();
        for (String function : consoleFunctions()) {
            if (Pattern.compile("\\b" + Pattern.quote(function) + "\\(").matcher(plan).find()) {
                called.add(function);
            }
        }
        assertThat(called).as("the session's functions are found where they are").contains("current_org_id");
        assertThat(called).as(method + " calls only the session's functions:\n" + plan).isSubsetOf(ONCE_PER_QUERY);
    }
}
