package com.voxanne.ops.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15: tracking shows campaign tags as words, not slugs. */
class TrackingNamesTest {

    @Test
    void tagsReadAsWords() {
        assertThat(TrackingNames.readable("pricing-page")).isEqualTo("Pricing page");
        assertThat(TrackingNames.readable("google")).isEqualTo("Google");
        assertThat(TrackingNames.readable("paid-social")).isEqualTo("Paid social");
        assertThat(TrackingNames.readable("spring_offer_linkedin")).isEqualTo("Spring offer LinkedIn");
        assertThat(TrackingNames.readable("no campaign")).isEqualTo("No campaign");
        assertThat(TrackingNames.readable("--")).isEqualTo("--");
        assertThat(TrackingNames.readable(null)).isEmpty();
    }
}
