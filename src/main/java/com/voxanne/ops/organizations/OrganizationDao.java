package com.voxanne.ops.organizations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Organizations; a console role sees exactly its own. */
@RegisterConstructorMapper(Organization.class)
public interface OrganizationDao {

    String COLUMNS = "id, name, email, phone, website, plan, stripe_customer_id, wallet_balance_pence, telephony_mode, "
            + "settings::text as settings, created_at, updated_at";

    @SqlQuery("select " + COLUMNS + " from public.organizations where id = :id")
    Optional<Organization> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from public.organizations order by name")
    List<Organization> visible();
}
