package com.voxanne.ops.alerts;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Hot lead alerts of the signed-in organization. Their acknowledgements are the console's own
 * (voxconsole.acknowledgements), not columns of the platform's table.
 */
@RegisterConstructorMapper(HotLeadAlert.class)
public interface HotLeadAlertDao {

    String SELECT = """
            select a.id, a.org_id, a.contact_id, a.call_id, a.reason, a.lead_score, a.urgency,
                   k.acknowledged_at, k.profile_id as acknowledged_by, a.created_at
            from public.hot_lead_alerts a
            left join lateral voxconsole.acknowledgements_of('hot_lead_alerts', array[a.id]) k on true""";

    @SqlQuery(SELECT + " where k.acknowledged_at is null order by a.created_at desc, a.id limit :limit")
    List<HotLeadAlert> unacknowledged(@Bind("limit") int limit);

    @SqlQuery(SELECT + " order by a.created_at desc, a.id limit :limit")
    List<HotLeadAlert> latest(@Bind("limit") int limit);

    /** Records who acknowledged and when, once; the profile comes from the database, not the client. */
    @SqlQuery("select voxconsole.acknowledge('hot_lead_alerts', :id) is not null")
    boolean acknowledge(@Bind("id") UUID id);
}
