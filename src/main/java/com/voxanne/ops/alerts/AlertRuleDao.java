package com.voxanne.ops.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of escalation_rules, read through the columns the platform's table has ({@code select},
 * from the catalog: a missing column reads as null). Writes name every column they set, so the
 * service offers them only where all exist. On one handle: the service chooses the transaction.
 */
final class AlertRuleDao {

    private static final RowMapper<AlertRule> ROWS = ConstructorMapper.of(AlertRule.class);

    private final Handle h;
    private final String select;

    /** @param select the select list of an {@link AlertRule} over "r", built from the catalog */
    AlertRuleDao(Handle h, String select) {
        this.h = h;
        this.select = select;
    }

    List<AlertRule> all() {
        return h.createQuery("select " + select + " from public.escalation_rules r order by 2, 1").map(ROWS).list();
    }

    Optional<AlertRule> find(UUID id) {
        return h.createQuery("select " + select + " from public.escalation_rules r where r.id = :id").bind("id", id).map(ROWS).findOne();
    }

    AlertRule insert(AlertRule rule) {
        return fields(h.createQuery("""
                insert into public.escalation_rules as r (org_id, name, enabled, trigger_type, threshold, action, target)
                values (voxconsole.current_org_id(), :name, :enabled, :trigger, :threshold, :action, :target)
                returning\s""" + select), rule).map(ROWS).one();
    }

    /** @return 1 if saved, 0 if the rule changed since {@code seen} or is not the caller's to change */
    int update(UUID id, AlertRule rule, Instant seen) {
        return fields(h.createUpdate("""
                update public.escalation_rules set name = :name, enabled = :enabled, trigger_type = :trigger, threshold = :threshold,
                       action = :action, target = :target
                where id = :id and updated_at = :seen"""), rule)
                .bind("id", id).bind("seen", seen.atOffset(ZoneOffset.UTC)).execute();
    }

    /** @return 1 if deleted, 0 if the rule changed since {@code seen} or is not the caller's to delete */
    int delete(UUID id, Instant seen) {
        return h.createUpdate("delete from public.escalation_rules where id = :id and updated_at = :seen")
                .bind("id", id).bind("seen", seen.atOffset(ZoneOffset.UTC)).execute();
    }

    private static <S extends SqlStatement<S>> S fields(S statement, AlertRule rule) {
        return statement.bind("name", rule.name()).bind("enabled", rule.enabled()).bind("trigger", rule.triggerType())
                .bind("threshold", rule.threshold()).bind("action", rule.action()).bind("target", rule.target());
    }
}
