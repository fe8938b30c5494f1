package com.voxanne.ops.records;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Call tracking rows of the signed-in organization. */
@RegisterConstructorMapper(CallTracking.class)
public interface CallTrackingDao {

    String COLUMNS = "id, org_id, call_id, contact_id, tracked_url, utm_source, utm_medium, utm_campaign, device_type, browser, os, "
            + "ip_address, location, created_at";

    @SqlQuery("select " + COLUMNS + " from public.call_tracking where call_id = :callId order by created_at")
    List<CallTracking> forCall(@Bind("callId") UUID callId);
}
