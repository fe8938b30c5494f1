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
            sentiment score above 1    | update calls set sentiment_score = 1.01 where id = :id   | Sentiment score must be between 0.0 and 1.0.
            sentiment label            | update calls set sentiment_label = 'angry' where id = :id | Sentiment must be positive, neutral or negative.
            urgency                    | update calls set sentiment_urgency = 'urgent' where id = :id | Urgency must be low, medium, high or critical.
            call status                | update calls set status = 'done' where id = :id           | Call status must be pending, in progress, completed or failed.
            direction                  | update calls set call_direction = 'sideways' where id = :id | A call is either inbound or outbound.
            negative duration          | update calls set duration_seconds = -5 where id = :id     | A call's duration cannot be negative.
            """)
    void callValuesAreChecked(String name, String sql, String sentence) {
        UUID call = owner.withHandle(h -> h.createQuery("select id from calls limit 1").mapTo(UUID.class).one());
        Throwable refused = catchThrowable(() -> owner.useHandle(h -> h.createUpdate(sql).bind("id", call).execute()));
        assertThat(SqlErrors.describe(refused, "test")).isEqualTo(sentence);
    }

    @Test
    void otherRangesAreChecked() {
        Throwable rollout = catchThrowable(() -> owner.useHandle(h -> h.execute("update feature_flags set rollout_percentage = 101")));
        assertThat(SqlErrors.describe(rollout, "test")).isEqualTo("Rollout must be between 0 and 100 percent.");
        Throwable plan = catchThrowable(() -> owner.useHandle(h -> h.execute("update organizations set plan = 'gold'")));
        assertThat(SqlErrors.describe(plan, "test")).isEqualTo("The plan must be starter, professional or enterprise.");
        Throwable appointment = catchThrowable(() -> owner.useHandle(h -> h.execute("update appointments set status = 'missed'")));
        assertThat(SqlErrors.describe(appointment, "test")).isEqualTo("Appointment status must be scheduled, completed, cancelled or no-show.");
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
    void everyCheckConstraintOfTheSchemaHasASentence() {
        List<String> names = owner.withHandle(h -> h.createQuery("""
                        select conname from pg_constraint
                        where contype = 'c' and connamespace = 'public'::regnamespace""").mapTo(String.class).list());
        assertThat(names).hasSizeGreaterThan(60);
        assertThat(names).allMatch(ConstraintMessages::knows, "has a sentence in ConstraintMessages");
    }
}
