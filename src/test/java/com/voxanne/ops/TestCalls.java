package com.voxanne.ops;

import java.util.UUID;

/** Calls a test inserts as the platform would (the owner, outside any console), and removes again: other tests count the demo data. */
public final class TestCalls {

    public static final String CALLER = "Live Test Caller";

    private TestCalls() {
    }

    public static UUID insert(UUID org) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("""
                insert into calls (org_id, call_direction, from_number, to_number, status, caller_name)
                values (:org, 'inbound', '+447700900123', '+442079460000', 'in_progress', :caller) returning id""")
                .bind("org", org).bind("caller", CALLER).mapTo(UUID.class).one());
    }

    public static void deleteAll() {
        TestWorkspace.owner().useHandle(h -> h.createUpdate("delete from calls where caller_name = :caller").bind("caller", CALLER).execute());
    }
}
