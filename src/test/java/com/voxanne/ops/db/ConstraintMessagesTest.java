package com.voxanne.ops.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad values are refused by the database, and the refusal reads as one sentence. */
class ConstraintMessagesTest {

    private final Jdbi owner = TestWorkspace.owner();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone without +            | update contacts set phone = '07700900123' where id = :id        | Phone numbers must be in international E.164 form
            phone with spaces          | update contacts set phone = '+44 7700 900123' where id = :id    | Phone numbers must be in international E.164 form
            phone too long             | update contacts set phone = '+4477009001234567' where id = :id  | Phone numbers must be in international E.164 form
            email without domain       | update contacts set email = 'jane@' where id = :id              | That is not a valid e-mail address.
            email with space           | update contacts set email = 'jane doe@example.com' where id = :id | That is not a valid e-mail address.
            lead score above 100       | update contacts set lead_score = 101 where id = :id             | Lead score must be between 0 and 100.
            lead score below 0         | update contacts set lead_score = -1 where id = :id              | Lead score must be between 0 and 100.
            unknown lead status        | update contacts set lead_status = 'lukewarm' where id = :id     | Lead status must be hot, warm, cold or contacted.
            """)
    void contactValuesAreChecked(String name, String sql, String sentence) {
        UUID contact = owner.withHandle(h -> h.createQuery("select id from contacts limit 1").mapTo(UUID.class).one());
        Throwable refused = catchThrowable(() -> owner.useHandle(h -> h.createUpdate(sql).bind("id", contact).execute()));
        assertThat(refused).isNotNull();
        assertThat(SqlErrors.describe(refused, "test")).startsWith(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sentiment score above 1    | update calls set sentiment_score = 1.01 where id = :id
            sentiment label            | update calls set sentiment_label = 'angry' where id = :id
            call status                | update calls set status = 'done' where id = :id
            withheld number            | update calls set from_number = 'anonymous' where id = :id
            """)
    void whatConsolesNeverWriteIsThePlatformsToJudge(String name, String sql) {
        // The console's rules bind its own writes only (V3): the platform's writers keep writing as they did.
        UUID call = owner.withHandle(h -> h.createQuery("select id from calls limit 1").mapTo(UUID.class).one());
        int changed = owner.inTransaction(h -> {
            int n = h.createUpdate(sql).bind("id", call).execute();
            h.rollback();
            return n;
        });
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void otherRangesAreChecked() {
        Throwable appointment = catchThrowable(() -> owner.useHandle(h -> h.execute("update appointments set status = 'missed'")));
        assertThat(SqlErrors.describe(appointment, "test")).isEqualTo("Appointment status must be scheduled, completed, cancelled or no-show.");
        Throwable role = catchThrowable(() -> owner.useHandle(h -> h.execute("update profiles set role = 'boss'")));
        assertThat(SqlErrors.describe(role, "test")).isEqualTo("A profile's role must be admin, manager or user.");
        Throwable tool = catchThrowable(() -> owner.useHandle(h -> h.execute("update org_tools set tool_name = 'Bad Name'")));
        assertThat(SqlErrors.describe(tool, "test")).isEqualTo("A tool name uses lower-case letters, digits and underscores.");
    }

    @Test
    void validValuesPass() {
        int updated = owner.inTransaction(h -> {
            int n = h.execute("update contacts set phone = '+14155550123', email = 'o''brien+work@mail.example.co.uk', lead_score = 100 "
                    + "where id = (select id from contacts order by id limit 1)");
            h.rollback();
            return n;
        });
        assertThat(updated).isEqualTo(1);
    }

    @Test
    void everyCheckConstraintAndConsoleRuleHasASentence() {
        List<String> names = owner.withHandle(h -> h.createQuery("""
                        select conname from pg_constraint
                        where contype = 'c' and connamespace in ('public'::regnamespace, 'voxconsole'::regnamespace)
                        union
                        select (regexp_matches(prosrc, 'voxconsole\\.refuse\\(''([a-z0-9_]+)''', 'g'))[1] from pg_proc
                        where pronamespace = 'voxconsole'::regnamespace""").mapTo(String.class).list());
        assertThat(names).hasSizeGreaterThan(50).contains("phone_e164_format", "email_address_format", "contacts_lead_status_check",
                "appointments_status_check", "profiles_role_check", "org_tools_tool_name_format");
        assertThat(names).allMatch(ConstraintMessages::knows, "has a sentence in ConstraintMessages");
    }
}
