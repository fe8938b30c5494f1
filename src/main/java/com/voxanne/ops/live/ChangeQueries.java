package com.voxanne.ops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live feed says to the database and reads from it: LISTEN on the person's own channel,
 * which watched tables can be caught up by time on this database, the notices' JSON, and the
 * catch-up after an outage or in polling mode. Plain JDBC on the feed's one dedicated connection
 * (a pooled Jdbi handle would not keep the LISTEN). Everything runs as the signed-in person, so
 * row-level security applies to the catch-up too.
 */
final class ChangeQueries {

    /** More changed rows than this in one table during an outage arrive as one bulk change. */
    static final int CATCH_UP_LIMIT = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeQueries() {
    }

    /** {@code traceable}: the watched tables whose changes can be found again by time (they have org_id and updated_at). */
    record Listening(String channel, UUID org, Instant at, Set<String> traceable) {
    }

    static Listening listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select voxconsole.my_change_channel(), voxconsole.current_org_id(), now()")) {
            rs.next();
            String channel = rs.getString(1);
            if (channel == null) {
                throw new SQLException("This login has no active profile, so there is nothing to listen to.");
            }
            UUID org = rs.getObject(2, UUID.class);
            Instant at = rs.getTimestamp(3).toInstant();
            // The name comes from the database, and is 'vox_' and hex digits; quoted all the same.
            s.execute("listen \"" + channel.replace("\"", "\"\"") + "\"");
            return new Listening(channel, org, at, traceable(c));
        }
    }

    /**
     * The watched tables a catch-up can read by time on this database: configuration tables such as
     * escalation_rules need not have updated_at on a platform's database (alerts are found by created_at).
     */
    static Set<String> traceable(Connection c) throws SQLException {
        Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select table_name::text from information_schema.columns
                where (table_schema = 'public' or (table_schema = 'voxconsole' and table_name in ('evaluations', 'review_queue')))
                  and table_name::text = any(?) and column_name in ('id', 'org_id', 'updated_at', 'created_at')
                group by table_name
                having count(*) filter (where column_name in ('id', 'org_id')) = 2
                   and count(*) filter (where column_name = case when table_name = 'hot_lead_alerts' then 'created_at' else 'updated_at' end) = 1""")) {
            ps.setArray(1, c.createArrayOf("text", ChangeFeed.TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return Set.copyOf(found);
    }

    static List<Change> parse(List<PGNotification> notes) {
        List<Change> changes = new ArrayList<>();
        for (PGNotification n : notes) {
            try {
                JsonNode p = JSON.readTree(n.getParameter());
                String table = p.path("t").asText();
                String op = p.path("op").asText();
                if (!ChangeFeed.TABLES.contains(table) || op.length() != 1 || "IUD".indexOf(op.charAt(0)) < 0) {
                    LOG.debug("Ignoring a notice for {} / {}", table, op);
                    continue;
                }
                List<UUID> ids = new ArrayList<>();
                p.path("ids").forEach(id -> ids.add(UUID.fromString(id.asText())));
                changes.add(new Change(table, op.charAt(0), ids, ids.isEmpty()));
            } catch (Exception e) {
                LOG.debug("Ignoring an unreadable notice", e);
            }
        }
        return changes;
    }

    /** What changed in each traceable watched table since {@code since}, read as the signed-in person (row-level security applies). */
    static List<Change> catchUp(Connection c, UUID org, Instant since, Set<String> traceable) throws SQLException {
        Map<String, String> changedSince = new LinkedHashMap<>();
        // Naming the organization lets the planner use the (org_id, updated_at) indexes; RLS filters all the same.
        for (String t : List.of("calls", "appointments", "contacts", "profiles", "org_tools", "org_feature_flags", "escalation_rules")) {
            changedSince.put(t, "select id from public." + t + " where org_id = ? and updated_at >= ? order by updated_at limit ?");
        }
        // The quality review's own tables (V9), in the console's schema.
        for (String t : List.of("evaluations", "review_queue")) {
            changedSince.put(t, "select id from voxconsole." + t + " where org_id = ? and updated_at >= ? order by updated_at limit ?");
        }
        // New alerts, and alerts acknowledged meanwhile (acknowledgements are the console's own rows).
        changedSince.put("hot_lead_alerts", """
                with p as (select cast(? as uuid) as org, cast(? as timestamptz) as since, cast(? as integer) as max_rows)
                (select a.id from p, public.hot_lead_alerts a where a.org_id = p.org and a.created_at >= p.since
                 union select voxconsole.acknowledged_since('hot_lead_alerts', p.since, p.max_rows) from p)
                limit (select max_rows from p)""");
        List<Change> changes = new ArrayList<>();
        changedSince.keySet().retainAll(traceable);
        for (var table : changedSince.entrySet()) {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(table.getValue())) {
                ps.setObject(1, org);
                ps.setTimestamp(2, Timestamp.from(since));
                ps.setInt(3, CATCH_UP_LIMIT + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (ids.size() > CATCH_UP_LIMIT) {
                changes.add(new Change(table.getKey(), 'U', List.of(), true));
            } else if (!ids.isEmpty()) {
                for (int from = 0; from < ids.size(); from += 100) {
                    changes.add(new Change(table.getKey(), 'U', ids.subList(from, Math.min(ids.size(), from + 100)), false));
                }
            }
        }
        return changes;
    }
}
