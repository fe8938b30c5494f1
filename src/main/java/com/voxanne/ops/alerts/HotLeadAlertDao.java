package com.voxanne.ops.alerts;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Hot lead alerts of the signed-in organization. */
@RegisterConstructorMapper(HotLeadAlert.class)
public interface HotLeadAlertDao {

    String COLUMNS = "id, org_id, contact_id, call_id, reason, lead_score, urgency, acknowledged_at, acknowledged_by, created_at";

    @SqlQuery("select " + COLUMNS + " from public.hot_lead_alerts where acknowledged_at is null order by created_at desc, id limit :limit")
    List<HotLeadAlert> unacknowledged(@Bind("limit") int limit);

    @SqlQuery("select " + COLUMNS + " from public.hot_lead_alerts order by created_at desc, id limit :limit")
    List<HotLeadAlert> latest(@Bind("limit") int limit);

    /** Records who acknowledged and when; the profile comes from the database, not the client. */
    @SqlUpdate("""
            update public.hot_lead_alerts set acknowledged_at = now(), acknowledged_by = private.current_profile_id()
            where id = :id and acknowledged_at is null""")
    int acknowledge(@Bind("id") UUID id);
}
