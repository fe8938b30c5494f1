package com.voxanne.ops.records;

import com.voxanne.ops.db.TypedText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Contacts of the signed-in organization. */
@RegisterConstructorMapper(Contact.class)
public interface ContactDao {

    String COLUMNS = "id, org_id, phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at, created_at, updated_at";

    @SqlQuery("select " + COLUMNS + " from public.contacts where id = :id")
    Optional<Contact> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from public.contacts where phone = :phone")
    Optional<Contact> findByPhone(@Bind("phone") String phone);

    /** Contacts by name, paged by keyset on (last_name, first_name, id); pass nulls for the first page. */
    @SqlQuery("select " + COLUMNS + " from public.contacts"
            + " where (cast(:afterLast as text) is null or (last_name, first_name, id) > (:afterLast, :afterFirst, :afterId))"
            + " order by last_name, first_name, id limit :limit")
    List<Contact> byName(@Bind("afterLast") String afterLast, @Bind("afterFirst") String afterFirst, @Bind("afterId") UUID afterId,
                         @Bind("limit") int limit);

    /**
     * Contacts whose first or last name or phone number starts with {@code prefix} (already escaped
     * for LIKE by {@link #likePrefix(String)}), for pickers.
     */
    @SqlQuery("select " + COLUMNS + " from public.contacts"
            + " where org_id = :org and (first_name ilike :prefix or last_name ilike :prefix"
            + " or (first_name || ' ' || last_name) ilike :prefix or phone like :prefix)"
            + " order by last_name, first_name, id limit :limit")
    List<Contact> startingWith(@Bind("org") UUID org, @Bind("prefix") String prefix, @Bind("limit") int limit);

    /** Escapes LIKE's wildcards so what a person types is matched literally, then appends the prefix wildcard. */
    static String likePrefix(String typed) {
        return TypedText.clean(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** @return 1 if saved, 0 if the row changed since {@code seen} or is not the caller's to change */
    @SqlUpdate("""
            update public.contacts set first_name = :first, last_name = :last, phone = :phone, email = :email,
                   lead_status = :status, lead_score = :score, notes = :notes
            where id = :id and updated_at = :seen""")
    int update(@Bind("id") UUID id, @Bind("first") String firstName, @Bind("last") String lastName, @Bind("phone") String phone,
               @Bind("email") String email, @Bind("status") String leadStatus, @Bind("score") Integer leadScore, @Bind("notes") String notes,
               @Bind("seen") OffsetDateTime seen);
}
