package com.voxanne.ops.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Profiles of the signed-in organization, and the session's own identity. */
@RegisterConstructorMapper(Profile.class)
@RegisterConstructorMapper(ConsoleSession.class)
public interface ProfileDao {

    String COLUMNS = "id, org_id, email, full_name, avatar_url, role, phone, status, last_login, created_at, updated_at";

    /** Empty when the login has no active profile: the console then explains why it cannot open. */
    @SqlQuery("select profile_id, org_id, org_name, role, full_name, email, login_role from voxconsole.console_session")
    Optional<ConsoleSession> session();

    @SqlQuery("select " + COLUMNS + " from public.profiles order by role, full_name, id")
    List<Profile> all();

    @SqlQuery("select " + COLUMNS + " from public.profiles where id = :id")
    Optional<Profile> find(@Bind("id") UUID id);

    /**
     * Admins only (the database refuses everyone else).
     *
     * @return 1 if saved, 0 if the row changed since {@code seen}, is not visible, or is not the caller's to change
     */
    @SqlUpdate("""
            update public.profiles set full_name = :name, phone = :phone, role = :role, status = :status
            where id = :id and updated_at = :seen""")
    int update(@Bind("id") UUID id, @Bind("name") String fullName, @Bind("phone") String phone, @Bind("role") String role,
               @Bind("status") String status, @Bind("seen") OffsetDateTime seen);
}
