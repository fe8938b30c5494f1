package com.voxanne.ops.adoption;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A schema dump taken from the catalog, one line per object: schemas, relations with their
 * owners, privileges and row-security switches, columns, constraints, indexes, policies,
 * triggers, functions, default privileges, extensions, roles and memberships. The embedded
 * PostgreSQL 17 ships no pg_dump, and this reads the same facts (and privileges in full).
 */
final class CatalogSnapshot {

    private static final List<String> QUERIES = List.of(
            "select 'schema ' || nspname || ' owner=' || pg_get_userbyid(nspowner) || ' acl=' || coalesce(nullif(nspacl::text, '{}'), '-')"
                    + " from pg_namespace where nspname !~ '^pg_' and nspname <> 'information_schema'",
            "select 'rel ' || n.nspname || '.' || c.relname || ' kind=' || c.relkind::text || ' owner=' || pg_get_userbyid(c.relowner)"
                    + " || ' acl=' || coalesce(nullif(c.relacl::text, '{}'), '-') || ' rls=' || c.relrowsecurity || '/' || c.relforcerowsecurity"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname !~ '^pg_' and n.nspname <> 'information_schema'",
            "select 'col ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull"
                    + " || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' acl=' || coalesce(nullif(a.attacl::text, '{}'), '-')"
                    + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                    + " where a.attnum > 0 and not a.attisdropped and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'",
            "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid=' || convalidated"
                    + " from pg_constraint where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)",
            "select 'index ' || pg_get_indexdef(indexrelid) || ' valid=' || indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                    + " where c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)",
            "select 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' ' || roles::text || ' '"
                    + " || cmd || ' ' || coalesce(qual, '-') || ' ' || coalesce(with_check, '-') from pg_policies",
            "select 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text from pg_trigger t where not t.tgisinternal",
            "select 'function ' || p.oid::regprocedure || ' owner=' || pg_get_userbyid(p.proowner) || ' acl=' || coalesce(nullif(p.proacl::text, '{}'), '-')"
                    + " || ' definer=' || p.prosecdef || ' config=' || coalesce(p.proconfig::text, '-') || ' src=' || md5(p.prosrc)"
                    + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname !~ '^pg_' and n.nspname <> 'information_schema'",
            "select 'default acl ' || pg_get_userbyid(defaclrole) || ' ' || coalesce(defaclnamespace::regnamespace::text, '*') || ' '"
                    + " || defaclobjtype::text || ' ' || defaclacl::text from pg_default_acl",
            "select 'extension ' || extname || ' in ' || extnamespace::regnamespace from pg_extension",
            "select 'role ' || rolname || ' super=' || rolsuper || ' login=' || rolcanlogin || ' bypassrls=' || rolbypassrls"
                    + " || ' createrole=' || rolcreaterole || ' inherit=' || rolinherit from pg_roles where rolname !~ '^pg_'",
            "select 'member ' || m.roleid::regrole || ' > ' || m.member::regrole || ' admin=' || m.admin_option from pg_auth_members m"
                    + " where m.roleid::regrole::text !~ '^pg_'",
            "select 'database acl ' || datname || ' ' || coalesce(datacl::text, '-') from pg_database where datname = current_database()");

    private CatalogSnapshot() {
    }

    static List<String> of(DataSource superuser) throws SQLException {
        return lines(superuser, QUERIES);
    }

    /** Every row of every query (one text column each), sorted: a fact per line, for comparing. */
    static List<String> lines(DataSource superuser, List<String> queries) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    /** One digest per platform table over every row (as text, in order): any changed value shows. */
    static List<String> rowFingerprints(DataSource superuser) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'"
                    + " union all select 'auth.' || relname from pg_class where relnamespace = 'auth'::regnamespace and relkind = 'r' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                String name = t.contains(".") ? t : "public." + t;
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') from " + name + " x")) {
                    rs.next();
                    lines.add(name + " rows=" + rs.getLong(1) + " md5=" + rs.getString(2));
                }
            }
        }
        return lines;
    }
}
