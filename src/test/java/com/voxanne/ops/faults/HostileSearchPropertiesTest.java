package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.contacts.ContactService;
import com.voxanne.ops.db.TypedText;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Whatever a person types or pastes into the search and filter fields never breaks a query, never
 * widens a result and never reaches another organization: for 800 generated texts each, the log's
 * search returns exactly what the owner's own full-text query returns for the organization, and
 * the contact filter matches its prefix literally.
 */
class HostileSearchPropertiesTest {

    private static final int CASES = 800;
    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final Jdbi USER = TestWorkspace.as("harley", "user").jdbi();
    private static final Jdbi OWNER = TestWorkspace.owner();

    @Test
    void theLogSearchFindsExactlyWhatTheOwnersQueryFinds() {
        HostileText texts = new HostileText();
        CallLogService calls = new CallLogService(USER);
        int[] matched = new int[1];
        SoftAssertions soft = new SoftAssertions();
        OWNER.useHandle(h -> {
            // The reference: each call's document computed once from its columns, independently of the
            // documents the console keeps (voxconsole.call_documents), so a stale kept document fails too.
            h.createUpdate("create temporary table reference_documents as select id, created_at, " + com.voxanne.ops.calls.CallDao.SEARCH_DOCUMENT
                    + " as document from calls where org_id = :o").bind("o", HARLEY).execute();
            for (String text : texts.cases(CASES)) {
                List<UUID> rows = calls.page(CallLogQuery.firstPage(HARLEY, 25).withText(text)).stream().map(CallSummary::id).toList();
                String cleaned = TypedText.cleanOrNull(text);
                List<UUID> expected = cleaned == null
                        ? h.createQuery("select id from reference_documents order by created_at desc, id desc limit 25").mapTo(UUID.class).list()
                        : h.createQuery("select id from reference_documents where document @@ websearch_to_tsquery('english', :t)"
                                + " order by created_at desc, id desc limit 25").bind("t", cleaned).mapTo(UUID.class).list();
                soft.assertThat(rows).as("seed %d, text %s", texts.seed, printable(text)).containsExactlyElementsOf(expected);
                matched[0] += cleaned != null && !rows.isEmpty() ? 1 : 0;
            }
            h.execute("drop table reference_documents");
        });
        soft.assertAll();
        System.out.printf("hostile search: %d texts (seed %d), %d found calls, none failed or widened%n", CASES, texts.seed, matched[0]);
        assertThat(matched[0]).as("some texts hold real words").isPositive();
    }

    @Test
    void theContactFilterMatchesItsPrefixLiterallyAndOnlyInTheOrganization() {
        HostileText texts = new HostileText();
        ContactService contacts = com.voxanne.ops.TestWorkspace.contactService(USER);
        SoftAssertions soft = new SoftAssertions();
        for (String text : texts.cases(CASES)) {
            List<Contact> rows = contacts.page(HARLEY, text, null, null, 50);
            String prefix = TypedText.cleanOrNull(text);
            soft.assertThat(rows).as("seed %d, text %s", texts.seed, printable(text)).allMatch(c -> c.orgId().equals(HARLEY));
            if (prefix != null) {
                String lower = fold(prefix);
                String digits = prefix.replaceAll("[\\s()-]", "");
                soft.assertThat(rows).as("seed %d, text %s", texts.seed, printable(text))
                        .allMatch(c -> startsWith(c.firstName(), lower) || startsWith(c.lastName(), lower)
                                || startsWith(c.firstName() + " " + c.lastName(), lower) || (c.phone() != null && c.phone().startsWith(digits)));
            }
        }
        soft.assertAll();
        // A literal wildcard matches nobody: the demo has no name starting with "%" or "_".
        assertThat(contacts.page(HARLEY, "%", null, null, 50)).isEmpty();
        assertThat(contacts.page(HARLEY, "_", null, null, 50)).isEmpty();
    }

    private static boolean startsWith(String value, String foldedPrefix) {
        return value != null && fold(value).startsWith(foldedPrefix);
    }

    /** Case folding close to the database's ILIKE: lower case without combining marks ("İ" folds to "i" there too). */
    private static String fold(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
        StringBuilder b = new StringBuilder("\"");
        shown.chars().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }
}
