package com.example.clm.ireland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrelandConsumerProtectionCodeRulesTest {
  private final IrelandConsumerProtectionCode profile = new IrelandConsumerProtectionCode();

  /** Consumer Protection Code 2012, 10.9(b), (d), (e): 5, 20 and 40 business days. */
  @Test
  void limitsAreTheCodes() {
    SlaPolicy urgent = profile.slaPolicy(Severity.URGENT, "cards");
    SlaPolicy normal = profile.slaPolicy(Severity.NORMAL, "general");
    assertThat(urgent).isEqualTo(normal);
    assertThat(normal.firstResponse()).contains(SlaLimit.businessDays(5));
    assertThat(normal.nextResponse()).contains(SlaLimit.businessDays(20));
    assertThat(normal.resolution()).isEqualTo(SlaLimit.businessDays(40));
    assertThat(normal.stopTheClock()).isEmpty();
    assertThat(normal.source()).contains("10.9");
  }

  @Test
  void aProfileMustCiteItsRule() {
    SlaPolicy uncited = SlaPolicy.builder("example.uncited.general", SlaLimit.businessDays(10)).build();
    assertThatThrownBy(() -> new BaseRegulatoryProfile("example.uncited", uncited, Map.of()) { })
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("example.uncited.general")
        .hasMessageContaining("no source");
  }

  @Test
  void aProfileIdFollowsThePluginIdRule() {
    SlaPolicy cited = SlaPolicy.builder("example.x.general", SlaLimit.businessDays(10)).source("rule 1").build();
    assertThatThrownBy(() -> new BaseRegulatoryProfile("Example X", cited, Map.of()) { })
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'Example X'");
  }
}
