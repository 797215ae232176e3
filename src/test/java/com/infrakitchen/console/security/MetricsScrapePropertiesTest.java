package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules of {@code app.metrics.scrape-*} and the constant-time comparison (docs/decisions/0016). */
class MetricsScrapePropertiesTest {

    static final String PASSWORD = "sixteen-chars-ok";

    @Test
    void neitherSetMeansAdminOnly() {
        assertThat(new MetricsScrapeProperties(null, null).configured()).isFalse();
        assertThat(new MetricsScrapeProperties(" ", "").configured()).isFalse();
        assertThat(new MetricsScrapeProperties("prometheus", PASSWORD).configured()).isTrue();
    }

    @Test
    void bothOrNeither() {
        assertThatThrownBy(() -> new MetricsScrapeProperties("prometheus", null))
                .hasMessageContaining("must be set together");
        assertThatThrownBy(() -> new MetricsScrapeProperties(null, PASSWORD))
                .hasMessageContaining("must be set together").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void thePasswordHasAtLeastSixteenCharactersAndIsNeverInTheMessage() {
        String fifteen = PASSWORD.substring(1);
        assertThatThrownBy(() -> new MetricsScrapeProperties("prometheus", fifteen))
                .hasMessageContaining("at least 16").hasMessageNotContaining(fifteen);
    }

    @Test
    void theUserNameHasNoColon() {
        assertThatThrownBy(() -> new MetricsScrapeProperties("prom:etheus", PASSWORD)).hasMessageContaining("':'");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(new MetricsScrapeProperties("prometheus", PASSWORD).toString()).contains("prometheus")
                .doesNotContain(PASSWORD);
    }

    @Test
    void comparisonIsExactWhateverTheLengths() {
        assertThat(ScrapeAuthenticationFilter.equalInConstantTime(PASSWORD, PASSWORD)).isTrue();
        assertThat(ScrapeAuthenticationFilter.equalInConstantTime(PASSWORD + "x", PASSWORD)).isFalse();
        assertThat(ScrapeAuthenticationFilter.equalInConstantTime("", PASSWORD)).isFalse();
        assertThat(ScrapeAuthenticationFilter.equalInConstantTime(PASSWORD.toUpperCase(), PASSWORD)).isFalse();
    }
}
