package com.voxanne.ops.alerts;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The organization's alert rules (escalation_rules): everyone reads them, admins change them (the database decides). Blocking. */
public class AlertRuleService {

    /** What the console writes, and the org_id and updated_at its policies and optimistic writes need. */
    static final List<String> WRITTEN = List.of("id", "org_id", "name", "enabled", "trigger_type", "threshold", "action", "target", "updated_at");

    private final Jdbi jdbi;
    private final String columnList;
    private final Optional<String> readOnlyBecause;
    private final boolean present;

    public AlertRuleService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columnList = columns.select("escalation_rules", "r").typed("id", "uuid").text("name").typed("enabled", "boolean")
                .text("trigger_type").typed("threshold", "numeric").text("action").text("target").typed("updated_at", "timestamptz").sql();
        this.present = columns.has("escalation_rules", "id");
        this.readOnlyBecause = columns.whyNot("Alert rules cannot be changed here", "escalation_rules", WRITTEN);
    }

    /** Why this database's rules cannot be changed from the console (a column it writes is missing), or empty when they can. */
    public Optional<String> readOnlyBecause() {
        return readOnlyBecause;
    }

    public List<AlertRule> all() {
        if (!present) {
            return List.of();
        }
        return jdbi.withHandle(h -> dao(h).all());
    }

    /** Saves {@code edit} over {@code base} (stating base's version), or inserts it when base is a draft. */
    public SaveResult<AlertRule> save(AlertRule base, AlertRule edit) {
        if (base.id() == null) {
            try {
                return jdbi.inTransaction(h -> new SaveResult.Saved<>(dao(h).insert(edit)));
            } catch (RuntimeException e) {
                throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
            }
        }
        return OptimisticWrite.run(jdbi, h -> dao(h).update(base.id(), edit, base.updatedAt()), h -> dao(h).find(base.id()),
                AlertRule::updatedAt, base.updatedAt());
    }

    /** Deletes the rule if it is still as the person saw it. */
    public SaveResult<AlertRule> delete(AlertRule base) {
        return OptimisticWrite.run(jdbi, h -> dao(h).delete(base.id(), base.updatedAt()), h -> dao(h).find(base.id()),
                AlertRule::updatedAt, base.updatedAt());
    }

    private AlertRuleDao dao(Handle h) {
        return new AlertRuleDao(h, columnList);
    }
}
