package com.voxanne.ops.db;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The console's triggers that read or judge each row the platform inserts (the readings, V7; the
 * signals, V8). A bulk load of the console's own (the demo, an offline review copy) switches them
 * off while it writes and fills what they keep afterwards with {@link CallBackfill}, once every
 * row a signal looks at is in: a signal judged before the appointments are loaded would be wrong.
 * Switching needs the tables' owner, which only the console's own servers give it.
 */
public final class KeepingTriggers {

    private static final Map<String, String> ON_INSERT = Map.of(
            "voxconsole_call_reading_insert", "public.calls", "voxconsole_call_signal_insert", "public.calls",
            "voxconsole_appointment_signal_insert", "public.appointments", "voxconsole_alert_signal_insert", "public.hot_lead_alerts");

    private KeepingTriggers() {
    }

    public static void off(Handle h) {
        alter(h, "disable");
    }

    public static void on(Handle h) {
        alter(h, "enable");
    }

    private static void alter(Handle h, String how) {
        ON_INSERT.forEach((trigger, table) -> h.execute("alter table " + table + " " + how + " trigger " + trigger));
    }
}
