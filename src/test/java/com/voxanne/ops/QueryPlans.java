package com.voxanne.ops;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * EXPLAIN of the very SQL a DAO method sends (read from its annotation, so a test cannot drift
 * from the code), run through a console login so the row-level security quals are in the plan.
 * The tables are analyzed first: the plan is the one the planner picks with real statistics.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static String explain(Jdbi login, Class<?> dao, String method, Map<String, Object> bindings) {
        return explain(login, dao, method, bindings, "explain ");
    }

    /** With every expression the plan computes written out (EXPLAIN VERBOSE): which functions a query calls, and where. */
    public static String explainVerbose(Jdbi login, Class<?> dao, String method, Map<String, Object> bindings) {
        return explain(login, dao, method, bindings, "explain (verbose) ");
    }

    private static String explain(Jdbi login, Class<?> dao, String method, Map<String, Object> bindings, String explain) {
        Method m = Arrays.stream(dao.getDeclaredMethods()).filter(x -> x.getName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dao.getSimpleName() + " has no method " + method));
        String sql = m.getAnnotation(SqlQuery.class).value();
        TestWorkspace.owner().useHandle(h -> h.execute("vacuum (analyze) calls, appointments, contacts"));
        return login.withHandle(h -> String.join("\n", h.createQuery(explain + sql).bindMap(bindings).mapTo(String.class).list()));
    }
}
