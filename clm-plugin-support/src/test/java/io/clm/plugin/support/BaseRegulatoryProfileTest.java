package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseRegulatoryProfileTest {
  private static SlaPolicy policy(String id, int days) {
    return SlaPolicy.builder(id, SlaLimit.businessDays(days)).source("Rule 1.2").build();
  }

  private static BaseRegulatoryProfile profile(Map<String, SlaPolicy> byCategory) {
    return new BaseRegulatoryProfile("acme.profile", policy("acme.general", 40), byCategory) {};
  }

  @Test
  void aCategoryPolicyAppliesToItsCategoryOnly() {
    BaseRegulatoryProfile profile = profile(Map.of("payment-services", policy("acme.payments", 15)));
    assertThat(profile.slaPolicy(Severity.URGENT, "payment-services").id()).isEqualTo("acme.payments");
    assertThat(profile.slaPolicy(Severity.NORMAL, "payment-services").id()).isEqualTo("acme.payments");
    assertThat(profile.slaPolicy(Severity.NORMAL, "fees").id()).isEqualTo("acme.general");
  }

  @Test
  void aCategoryInAFormNoComplaintHasIsRefusedRatherThanNeverMatched() {
    // complaints' categories are lowercase, not blank, with no space around them: a policy under
    // "Payment-Services" would never apply, and its complaints would get the general deadline
    assertThatThrownBy(() -> profile(Map.of("Payment-Services", policy("acme.payments", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("regulatory profile 'acme.profile': category 'Payment-Services' is not lowercase");
    assertThatThrownBy(() -> profile(Map.of("fees ", policy("acme.fees", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("regulatory profile 'acme.profile': category 'fees ' has space around it");
    assertThatThrownBy(() -> profile(Map.of(" ", policy("acme.blank", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("regulatory profile 'acme.profile': category is blank");
    // a category from configuration is quoted as a short escaped excerpt, on one line
    assertThatThrownBy(() -> profile(Map.of("Fees\nINFO granted" + "x".repeat(100_000), policy("acme.fees", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("regulatory profile 'acme.profile': category 'Fees\\u000aINFO granted")
        .hasMessageEndingWith("(100017 characters) has 100017 characters, more than 64")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\n"));
    // as intake refuses them, so no complaint could ever have them
    assertThatThrownBy(() -> profile(Map.of("fees\nlate", policy("acme.fees", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("regulatory profile 'acme.profile': category 'fees\\u000alate' contains a control character at 4");
    assertThatThrownBy(() -> profile(Map.of("f".repeat(65), policy("acme.fees", 15))))
        .isInstanceOf(ValidationException.class)
        .hasMessageEndingWith("has 65 characters, more than 64");
  }

  @Test
  void theProfileIsItsIdAndItsCategoriesPolicies() {
    SlaPolicy payments = policy("acme.payments", 15);
    BaseRegulatoryProfile profile = profile(Map.of("payment-services", payments));
    assertThat(profile.id()).isEqualTo("acme.profile");
    assertThat(profile.categoryPolicies()).containsExactly(Map.entry("payment-services", payments));
  }

  @Test
  void anIdThatBreaksThePluginIdRuleIsRefused() {
    assertThatThrownBy(() -> new BaseRegulatoryProfile("Acme Profile", policy("acme.general", 40), Map.of()) {})
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("regulatory profile id 'Acme Profile' must be dot-separated parts");
  }
}
