package com.voxanne.ops.adoption;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * What Supabase's Security and Performance Advisors (the lints of supabase/splinter) would report
 * about the facts adopt can change, each read here with a query of our own: duplicate indexes,
 * functions with a mutable search_path, several permissive policies for one role and action,
 * SECURITY DEFINER functions the API's roles may call, tables in public without row-level
 * security, views in public that run with their owner's rights, extensions in public, always-true
 * write policies for the API's roles, invalid indexes. Adopting must add none. (Indexes a console
 * has not used yet are reported as unused, for information, by any tool that adds an index; they
 * are left out here.)
 */
final class AdvisorFindings {

    /** Schemas the lints leave out: Supabase's own. */
    private static final String SYSTEM = "('pg_catalog', 'information_schema', 'auth', 'extensions', 'graphql', 'graphql_public', 'net',"
            + " 'pgsodium', 'pgsodium_masks', 'pgbouncer', 'realtime', 'storage', 'supabase_functions', 'supabase_migrations', 'vault',"
            + " 'cron', 'pgtle')";

    private static final List<String> QUERIES = List.of(
            "select 'duplicate_index ' || schemaname || '.' || tablename || ' ' || string_agg(indexname, ',' order by indexname)"
                    + " from pg_indexes where schemaname not in " + SYSTEM + " and schemaname !~ '^pg_'"
                    + " group by schemaname, tablename, replace(indexdef, indexname, '') having count(*) > 1",
            "select 'search_path_mutable ' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + " where n.nspname not in " + SYSTEM + " and n.nspname !~ '^pg_'"
                    + " and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')"
                    + " and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')",
            "select 'multiple_permissive ' || c.oid::regclass || ' ' || r.rolname || ' ' || a.cmd from pg_policy p"
                    + " join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid],"
                    + " unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT'] when 'w' then array['UPDATE']"
                    + " when 'd' then array['DELETE'] else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) a(cmd)"
                    + " where p.polpermissive and n.nspname not in " + SYSTEM + " and r.rolname !~ '^pg_' and not r.rolbypassrls"
                    + " group by c.oid, r.rolname, a.cmd having count(*) > 1",
            "select 'definer_callable_by_' || r.rolname || ' ' || p.oid::regprocedure from pg_proc p"
                    + " join pg_namespace n on n.oid = p.pronamespace, pg_roles r"
                    + " where p.prosecdef and r.rolname in ('anon', 'authenticated') and n.nspname not in " + SYSTEM
                    + " and has_schema_privilege(r.oid, n.oid, 'USAGE') and has_function_privilege(r.oid, p.oid, 'EXECUTE')",
            "select 'rls_disabled_in_public ' || relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'"
                    + " and not relrowsecurity",
            "select 'definer_view_in_public ' || relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'v'"
                    + " and not coalesce('security_invoker=true' = any(reloptions), false)",
            "select 'extension_in_public ' || extname from pg_extension where extnamespace = 'public'::regnamespace",
            "select 'always_true_write_policy ' || schemaname || '.' || tablename || ' ' || policyname from pg_policies"
                    + " where cmd in ('INSERT', 'UPDATE', 'DELETE', 'ALL') and permissive = 'PERMISSIVE'"
                    + " and (roles && array['anon', 'authenticated', 'public']::name[])"
                    + " and (coalesce(qual, 'true') in ('true', '(true)') and coalesce(with_check, 'true') in ('true', '(true)'))",
            "select 'invalid_index ' || x.relname from pg_index i join pg_class x on x.oid = i.indexrelid where not i.indisvalid");

    private AdvisorFindings() {
    }

    static List<String> of(DataSource superuser) throws SQLException {
        return CatalogSnapshot.lines(superuser, QUERIES);
    }
}
