package com.voxanne.ops.contacts;

import com.voxanne.ops.db.TypedText;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.ContactDao;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The contacts list's SQL: a page of contacts by name, keyset on (last_name, first_name, id),
 * narrowed by what was typed and a lead status. Built from the conditions in use, so each page is
 * one plain statement that walks the (org_id, last_name, first_name) index. On one handle.
 */
final class ContactPageDao {

    private final Handle h;

    ContactPageDao(Handle h) {
        this.h = h;
    }

    /**
     * @param search     a prefix of the first or last name, the full name or the phone number (matched literally)
     * @param leadStatus one status, or null for all
     * @param after      the last contact of the previous page, or null
     */
    List<Contact> page(UUID org, String search, String leadStatus, Contact after, int limit) {
        StringBuilder sql = new StringBuilder("select " + ContactDao.COLUMNS + " from public.contacts where org_id = :org");
        List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
        String typed = TypedText.cleanOrNull(search);
        if (typed != null) {
            sql.append(" and (first_name ilike :prefix or last_name ilike :prefix or (first_name || ' ' || last_name) ilike :prefix"
                    + " or phone like :phonePrefix)");
            String digits = typed.replaceAll("[\\s()-]", "");
            binds.add(q -> q.bind("prefix", ContactDao.likePrefix(typed)).bind("phonePrefix", ContactDao.likePrefix(digits)));
        }
        if (leadStatus != null) {
            sql.append(" and lead_status = :status");
            binds.add(q -> q.bind("status", leadStatus));
        }
        if (after != null) {
            sql.append(" and (last_name, first_name, id) > (:afterLast, :afterFirst, :afterId)");
            binds.add(q -> q.bind("afterLast", after.lastName()).bind("afterFirst", after.firstName()).bind("afterId", after.id()));
        }
        sql.append(" order by last_name, first_name, id limit :limit");
        Query q = h.createQuery(sql.toString()).bind("org", org).bind("limit", limit);
        binds.forEach(b -> b.accept(q));
        return q.map(ConstructorMapper.of(Contact.class)).list();
    }
}
