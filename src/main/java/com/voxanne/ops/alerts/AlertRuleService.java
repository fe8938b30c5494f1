package com.voxanne.ops.alerts;

import com.voxanne.ops.UserFacingException;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The organization's alert rules (escalation_rules): everyone reads them, admins change them (the database decides). Blocking. */
public class AlertRuleService {

    private static final String COLUMNS = "id, name, enabled, trigger_type, threshold, action, target, updated_at";

    private final Jdbi jdbi;

    public AlertRuleService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<AlertRule> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from public.escalation_rules order by name, id")
                .map(ConstructorMapper.of(AlertRule.class)).list());
    }

    /** Saves {@code edit} over {@code base} (stating base's version), or inserts it when base is a draft. */
    public SaveResult<AlertRule> save(AlertRule base, AlertRule edit) {
        if (base.id() == null) {
            try {
                return jdbi.inTransaction(h -> new SaveResult.Saved<>(h.createQuery("""
                                insert into public.escalation_rules (org_id, name, enabled, trigger_type, threshold, action, target)
                                values (voxconsole.current_org_id(), :name, :enabled, :trigger, :threshold, :action, :target)"""
                                + " returning " + COLUMNS)
                        .bind("name", edit.name()).bind("enabled", edit.enabled()).bind("trigger", edit.triggerType())
                        .bind("threshold", edit.threshold()).bind("action", edit.action()).bind("target", edit.target())
                        .map(ConstructorMapper.of(AlertRule.class)).one()));
            } catch (RuntimeException e) {
                throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
            }
        }
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("""
                        update public.escalation_rules set name = :name, enabled = :enabled, trigger_type = :trigger, threshold = :threshold,
                               action = :action, target = :target
                        where id = :id and updated_at = :seen""")
                        .bind("name", edit.name()).bind("enabled", edit.enabled()).bind("trigger", edit.triggerType())
                        .bind("threshold", edit.threshold()).bind("action", edit.action()).bind("target", edit.target())
                        .bind("id", base.id()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> find(h, base.id()), AlertRule::updatedAt, base.updatedAt());
    }

    /** Deletes the rule if it is still as the person saw it. */
    public SaveResult<AlertRule> delete(AlertRule base) {
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("delete from public.escalation_rules where id = :id and updated_at = :seen")
                        .bind("id", base.id()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> find(h, base.id()), AlertRule::updatedAt, base.updatedAt());
    }

    private static Optional<AlertRule> find(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from public.escalation_rules where id = :id").bind("id", id)
                .map(ConstructorMapper.of(AlertRule.class)).findOne();
    }
}
