package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * After every adoption: nothing of the console's may be reachable by anyone but its owner and the
 * vox_* roles. Supabase's default privileges hand new objects to anon, authenticated and
 * service_role, and PostgreSQL gives PUBLIC EXECUTE on every new function; whatever such a grant
 * gave on an object of the console's schema is taken back here, whoever it went to.
 */
final class ConsolePrivileges {

    private ConsolePrivileges() {
    }

    private static final String LOCK_DOWN = """
            do $$
            declare
              obj record;
              grantee text;
            begin
              for obj in
                select c.oid, c.relacl as acl, c.relowner as owner,
                       case when c.relkind = 'S' then 'sequence' else 'table' end as kind,
                       format('%I.%I', n.nspname, c.relname) as name
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'voxconsole' and c.relkind in ('r', 'v', 'm', 'S', 'p', 'f')
                union all
                select p.oid, p.proacl, p.proowner, 'function', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'voxconsole'
                  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
              loop
                for grantee in
                  select distinct case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end
                  from aclexplode(coalesce(obj.acl, acldefault((case when obj.kind = 'function' then 'f' when obj.kind = 'sequence' then 's' else 'r' end)::"char", obj.owner))) a
                  left join pg_roles r on r.oid = a.grantee
                  where a.grantee <> obj.owner and (a.grantee = 0 or r.rolname not in (@groups))
                loop
                  execute format('revoke all on %s %s from %s', obj.kind, obj.name, grantee);
                end loop;
              end loop;
              for grantee in
                select distinct case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end
                from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
                left join pg_roles r on r.oid = a.grantee
                where n.nspname = 'voxconsole' and a.grantee <> n.nspowner
                  and (a.grantee = 0 or r.rolname not in (@groups))
              loop
                execute format('revoke all on schema voxconsole from %s', grantee);
              end loop;
            end $$""";

    static void lockDown(DataSource owner) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            // SQL's own format() uses %-placeholders, so the role list goes in by name, not by String.format.
            s.execute(LOCK_DOWN.replace("@groups", String.join(", ", SchemaMigrator.GROUP_ROLES.stream().map(r -> "'" + r + "'").toList())));
        } catch (SQLException e) {
            throw new UserFacingException("The console's schema is in place but its privileges could not be checked: "
                    + SqlErrors.describe(e, "the server"), e);
        }
    }
}
