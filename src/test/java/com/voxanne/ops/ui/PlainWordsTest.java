package com.voxanne.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Issue 15: the platform's keys, switches, JSON settings and rules read as words, one wording per rule. */
class PlainWordsTest {

    @Test
    void keysAndSwitchesReadAsWords() {
        assertThat(PlainWords.words("knowledge_base_search")).isEqualTo("Knowledge base search");
        assertThat(PlainWords.words("send_sms")).isEqualTo("Send SMS");
        assertThat(PlainWords.words("call-recording")).isEqualTo("Call recording");
        assertThat(PlainWords.words(null)).isEmpty();
        assertThat(PlainWords.onOff(true)).isEqualTo("On");
        assertThat(PlainWords.onOff(null)).isEmpty();
    }

    @Test
    void campaignTagsReadAsWords() {
        assertThat(PlainWords.words("pricing-page")).isEqualTo("Pricing page");
        assertThat(PlainWords.words("google")).isEqualTo("Google");
        assertThat(PlainWords.words("paid-social")).isEqualTo("Paid social");
        assertThat(PlainWords.words("spring_offer_linkedin")).isEqualTo("Spring offer LinkedIn");
        assertThat(PlainWords.words("no campaign")).isEqualTo("No campaign");
        assertThat(PlainWords.words("--")).isEqualTo("--");
        assertThat(PlainWords.words(null)).isEmpty();
    }

    @Test
    void jsonSettingsReadAsNamesAndValuesAndWhatIsNotAnObjectStaysAsStored() {
        assertThat(PlainWords.settings("{\"max_results\": 5}")).isEqualTo("Max results: 5");
        assertThat(PlainWords.settings("{\"languages\": [\"en-GB\", \"cy\"], \"sms_confirm\": true, \"hours\": {\"monday\": \"9-17\"}}"))
                .isEqualTo("Languages: en-GB, cy · SMS confirm: yes · Hours › Monday: 9-17");
        assertThat(PlainWords.settings("{}")).isEqualTo("none");
        assertThat(PlainWords.settings("[1, 2]")).isEqualTo("[1, 2]");
        assertThat(PlainWords.settings("not json")).isEqualTo("not json");
    }

    @Test
    void aRuleReadsTheSameInSetupAndInAlerts() {
        assertThat(RuleWords.when("urgency_at_least", new BigDecimal("4"))).isEqualTo("urgency at least critical");
        assertThat(RuleWords.when("sentiment_below", new BigDecimal("0.250"))).isEqualTo("sentiment below 0.25");
        assertThat(RuleWords.then("email", "sales@clinic.example")).isEqualTo("e-mail sales@clinic.example");
        assertThat(RuleWords.then("notify", null)).isEqualTo("notify supervisors");
        assertThat(new com.voxanne.ops.alerts.AlertRule(null, "r", true, "urgency_at_least", new BigDecimal("4"), "notify", null, null).when())
                .isEqualTo(RuleWords.when("urgency_at_least", new BigDecimal("4")));
    }
}
