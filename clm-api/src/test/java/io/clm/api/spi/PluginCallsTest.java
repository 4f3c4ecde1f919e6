package io.clm.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.PluginFailureException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PluginCallsTest {
  private static final CustomerId ALICE = CustomerId.of("CB-0004711");

  /** A stand-in plugin whose answer is a function of the customer. */
  static final class Fake implements Plugin {
    private final String id;
    private final Function<CustomerId, String> answer;

    Fake(String id, Function<CustomerId, String> answer) {
      this.id = id;
      this.answer = answer;
    }

    @Override
    public String id() {
      return id;
    }

    String answer(CustomerId c) {
      return answer.apply(c);
    }
  }

  @Test
  void aResultIsPassedThrough() {
    Fake ok = new Fake("acme.ok", c -> "gold");
    String result = PluginCalls.call(ok, ALICE, "assign", p -> p.answer(ALICE));
    assertThat(result).isEqualTo("gold");
  }

  @Test
  void aThrowingPluginIsNamedWithTheMaskedCustomerButNotItsMessage() {
    Fake boom = new Fake("acme.boom", c -> {
      throw new IllegalStateException("no score for " + c.value());
    });
    assertThatThrownBy(() -> PluginCalls.call(boom, ALICE, "assign", p -> p.answer(ALICE)))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.boom' (io.clm.api.spi.PluginCallsTest$Fake) threw java.lang.IllegalStateException in assign for customer "
                + ALICE.masked())
        .hasCauseInstanceOf(IllegalStateException.class)
        .message()
        .doesNotContain("CB-0004711");
  }

  @Test
  void nullIsAFailure() {
    Fake silent = new Fake("acme.silent", c -> null);
    assertThatThrownBy(() -> PluginCalls.call(silent, ALICE, "assign", p -> p.answer(ALICE)))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.silent' (io.clm.api.spi.PluginCallsTest$Fake) returned null from assign for customer "
                + ALICE.masked());
  }

  @Test
  void anUndeclaredValueIsAFailure() {
    Fake ok = new Fake("acme.bands", c -> "platinum");
    String declared = PluginCalls.requireDeclared(ok, ALICE, "segment", "gold", List.of("gold", "silver"));
    assertThat(declared).isEqualTo("gold");
    assertThatThrownBy(() -> PluginCalls.requireDeclared(ok, ALICE, "segment", "platinum", List.of("gold", "silver")))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.bands' (io.clm.api.spi.PluginCallsTest$Fake) returned segment 'platinum' for customer "
                + ALICE.masked()
                + ", which it does not declare; declared are [gold, silver]");
  }

  @Test
  void oneFailingPluginDoesNotHideTheOthers() {
    List<Fake> plugins =
        List.of(
            new Fake("acme.first", c -> "a"),
            new Fake("acme.boom", c -> {
              throw new ArithmeticException("/ by zero");
            }),
            new Fake("acme.null", c -> null),
            new Fake("acme.last", c -> "d"));
    PluginCalls.Outcome<String> outcome = PluginCalls.callEach(plugins, ALICE, "propose", p -> p.answer(ALICE));
    assertThat(outcome.results()).containsExactly(
        org.assertj.core.api.Assertions.entry("acme.first", "a"), org.assertj.core.api.Assertions.entry("acme.last", "d"));
    assertThat(outcome.failures())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "plugin 'acme.boom' (io.clm.api.spi.PluginCallsTest$Fake) threw java.lang.ArithmeticException in propose for customer "
                + ALICE.masked(),
            "plugin 'acme.null' (io.clm.api.spi.PluginCallsTest$Fake) returned null from propose for customer "
                + ALICE.masked());
  }

  /** Results are by id: a second plugin with the same id would replace the first's without a trace. */
  @Test
  void twoPluginsWithOneIdAreRefusedNamingItAndBothClasses() {
    Plugin other = () -> "acme.first";
    List<Plugin> plugins = List.of(new Fake("acme.first", c -> "a"), new Fake("acme.second", c -> "b"), other);
    assertThatThrownBy(() -> PluginCalls.callEach(plugins, ALICE, "propose", p -> "x"))
        .isInstanceOf(io.clm.api.ValidationException.class)
        .hasMessage("plugin id 'acme.first' is used twice (io.clm.api.spi.PluginCallsTest$Fake, " + other.getClass().getName()
            + "); list each plugin once, each with its own id");
  }

  /** id() is asked once: a plugin whose id answers once and then throws is not let through. */
  @Test
  void aPluginsIdIsAskedOnce() {
    int[] asked = {0};
    Plugin flaky = () -> {
      if (asked[0]++ > 0) {
        throw new IllegalStateException("asked twice");
      }
      return "acme.flaky";
    };
    PluginCalls.Outcome<String> outcome = PluginCalls.callEach(List.of(flaky), ALICE, "propose", p -> "x");
    assertThat(outcome.results()).containsExactly(org.assertj.core.api.Assertions.entry("acme.flaky", "x"));
    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void aPluginWhoseIdThrowsIsStillNamedByClass() {
    Plugin broken = () -> {
      throw new IllegalStateException("not configured");
    };
    PluginCalls.Outcome<String> outcome = PluginCalls.callEach(List.of(broken), ALICE, "propose", p -> "x");
    assertThat(outcome.results()).isEmpty();
    assertThat(outcome.failures()).singleElement().extracting(Throwable::getMessage).asString()
        .startsWith("plugin '?' (io.clm.api.spi.PluginCallsTest$")
        .endsWith("threw java.lang.IllegalStateException in id for customer " + ALICE.masked());
  }

  @Test
  void aCallAboutSomethingOtherThanACustomerNamesThatSubject() {
    Fake boom = new Fake("acme.workflow", c -> {
      throw new UnsupportedOperationException();
    });
    assertThatThrownBy(() -> PluginCalls.call(boom, "ticket C-12", "next(RECEIVED)", p -> p.answer(ALICE)))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.workflow' (io.clm.api.spi.PluginCallsTest$Fake) threw java.lang.UnsupportedOperationException in next(RECEIVED) for ticket C-12");
    Fake silent = new Fake("acme.workflow", c -> null);
    assertThatThrownBy(() -> PluginCalls.call(silent, "ticket C-12", "slaPolicy", p -> p.answer(ALICE)))
        .hasMessage("plugin 'acme.workflow' (io.clm.api.spi.PluginCallsTest$Fake) returned null from slaPolicy for ticket C-12");
    assertThatThrownBy(() -> PluginCalls.requireDeclared(silent, "ticket C-12", "state", "LOST", List.of("OPEN")))
        .hasMessage(
            "plugin 'acme.workflow' (io.clm.api.spi.PluginCallsTest$Fake) returned state 'LOST' for ticket C-12, which it does not declare; declared are [OPEN]");
  }

  @Test
  void aFailureTheCallerFindsIsWordedLikeTheOthers() {
    Fake ok = new Fake("acme.loyalty", c -> "x");
    assertThat(PluginCalls.subject(ALICE)).isEqualTo("customer " + ALICE.masked()).doesNotContain("CB-0004711");
    assertThat(PluginCalls.failure(ok, PluginCalls.subject(ALICE), "proposed an action named 'acme.other'"))
        .isInstanceOf(PluginFailureException.class)
        .hasNoCause()
        .hasMessage(
            "plugin 'acme.loyalty' (io.clm.api.spi.PluginCallsTest$Fake) proposed an action named 'acme.other' for customer "
                + ALICE.masked());
  }

  /** A plugin's id and what it returned are its own: a message quotes both short and escaped. */
  @Test
  void aPluginsIdAndValueAreQuotedAsShortEscapedExcerpts() {
    Fake odd = new Fake("acme\nERROR forged" + "x".repeat(100_000), c -> "y");
    assertThatThrownBy(
            () -> PluginCalls.requireDeclared(odd, ALICE, "segment", "gold\r\n" + "g".repeat(1_000_000), List.of("gold")))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme\\u000aERROR forged" + "x".repeat(15) + "'... (100017 characters)"
            + " (io.clm.api.spi.PluginCallsTest$Fake) returned segment 'gold\\u000d\\u000a" + "g".repeat(26)
            + "'... (1000006 characters) for customer " + ALICE.masked() + ", which it does not declare; declared are [gold]");
    Fake ok = new Fake("acme.ok", c -> "y");
    assertThatThrownBy(() -> PluginCalls.requireDeclared(ok, ALICE, "segment", null, List.of("gold")))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.ok' (io.clm.api.spi.PluginCallsTest$Fake) returned segment 'null' for customer "
            + ALICE.masked() + ", which it does not declare; declared are [gold]");
  }
}
