package io.clm.api.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.PluginConfigurationException;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.event.Severity;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of an intake and of the desk builder's settings, which run before any desk
 * implementation is looked up, and the age bands of the complaint report.
 */
class DeskSettingsTest {
  private static final Instant AT = Instant.parse("2026-04-10T09:00:00Z");

  /** A workflow that only has an id: the builder reads nothing else before it looks for a desk. */
  private static ComplaintWorkflow workflow(String id) {
    return new ComplaintWorkflow() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public SlaPolicy slaPolicy(Severity severity, String category) {
        throw new AssertionError("not called");
      }
    };
  }

  private static final SlaCalendar CALENDAR = new SlaCalendar() {
    @Override
    public String id() {
      return "every-day";
    }

    @Override
    public ZoneId zone() {
      return ZoneOffset.UTC;
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
      return true;
    }

    @Override
    public Instant deadline(Instant start, SlaLimit limit, List<StoredTicket.Pause> pauses) {
      throw new AssertionError("not called");
    }

    @Override
    public Instant before(Instant deadline, SlaLimit lead) {
      throw new AssertionError("not called");
    }
  };

  /** A store the builder only holds: a desk would call it, the builder never does. */
  private static TicketStore unusedStore() {
    return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class},
        (proxy, method, args) -> {
          throw new AssertionError("not called: " + method.getName());
        });
  }

  @Test
  void contentMayBeAsLongAsTheLimitAndAnAmountAtStakeNeverNegative() {
    Intake longest = Intake.of(ComplaintChannel.WEB, null, AT, "x".repeat(Intake.MAX_CONTENT));
    assertThat(longest.content()).hasSize(10_000);
    assertThat(longest.customer()).isEmpty();
    assertThatThrownBy(() -> Intake.of(ComplaintChannel.WEB, null, AT, "x".repeat(Intake.MAX_CONTENT + 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("content has 10001 characters, more than 10000");
    assertThatThrownBy(() -> Intake.of(ComplaintChannel.WEB, null, AT, " \n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("content is blank");

    Intake intake = Intake.of(ComplaintChannel.WEB, CustomerId.of("c-1"), AT, "fee");
    assertThat(intake.withAmountAtStake(Money.of("0", "EUR")).amountAtStake()).contains(Money.of("0.00", "EUR"));
    assertThatThrownBy(() -> intake.withAmountAtStake(Money.of("-0.01", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount at stake -0.01 EUR is negative");
  }

  @Test
  void theOptionalPartsOfAnIntakeAreKept() {
    Intake call = Intake.call("+353 1 555 0100", AT, "my card was charged twice");
    assertThat(call.channel()).isEqualTo(ComplaintChannel.PHONE);
    assertThat(call.callerPhone()).contains("+353 1 555 0100");
    assertThat(call.customer()).isEmpty();
    assertThat(call.category()).isEqualTo(ComplaintWorkflow.GENERAL);
    Intake named = call.withOrderNumber("O-17").withProfile("ie");
    assertThat(named.orderNumber()).contains("O-17");
    assertThat(named.profile()).contains("ie");
    assertThat(named.content()).isEqualTo("my card was charged twice");
    assertThat(named.toString()).isEqualTo("Intake[PHONE, 2026-04-10T09:00:00Z]");
    assertThatThrownBy(() -> call.withProfile(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("profile is blank");
  }

  @Test
  void referencesAndCategoriesOfAnIntakeAreBoundedAndOneLineAndAPhoneNumberIsNeverEchoed() {
    Intake call = Intake.call("+353 1 555 0100", AT, "my card was charged twice");
    String longest = "9".repeat(Intake.MAX_REFERENCE);
    assertThat(Intake.call(longest, AT, "x").callerPhone()).contains(longest);
    assertThat(call.withOrderNumber(longest).orderNumber()).contains(longest);
    assertThatThrownBy(() -> Intake.call(longest + "9", AT, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("callerPhone has 65 characters, more than 64");
    assertThatThrownBy(() -> Intake.call("+353 1 555\n0100", AT, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("callerPhone contains a control character at 10");
    assertThatThrownBy(() -> call.withOrderNumber("O-17\u2028INFO"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("orderNumber contains a control character at 4");
    assertThatThrownBy(() -> call.withOrderNumber(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("orderNumber is blank");
    assertThatThrownBy(() -> call.withProfile("x".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("profile has 65 characters, more than 64");

    String category = "c".repeat(Intake.MAX_CATEGORY);
    assertThat(call.withCategory(category).category()).isEqualTo(category);
    assertThatThrownBy(() -> call.withCategory(category + "c"))
        .isInstanceOf(ValidationException.class)
        .hasMessageEndingWith("(65 characters) has 65 characters, more than 64");
    assertThatThrownBy(() -> call.withCategory("fees\u0000"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("category 'fees\\u0000' contains a control character at 4");
  }

  @Test
  void everySettingOfTheDeskBuilderMayBeGivenOnce() {
    ComplaintWorkflow flow = workflow("general");
    List<Function<ComplaintDeskBuilder, ComplaintDeskBuilder>> settings = List.of(
        b -> b.workflow(flow),
        b -> b.calendar(CALENDAR),
        b -> b.customerDirectory(phone -> Optional.empty()),
        b -> b.orderBook(new OrderBook() {
          @Override
          public Optional<Order> findOrder(String number) {
            return Optional.empty();
          }

          @Override
          public List<Order> recentOrders(CustomerId customer, int limit) {
            return List.of();
          }
        }),
        b -> b.classificationRules(List.of()),
        b -> b.routingRules(List.of()),
        b -> b.events(e -> { }),
        b -> b.slaEvents(e -> { }),
        b -> b.reminders(r -> { }),
        b -> b.ticketPrefix("T-"),
        b -> b.startAt(AT),
        b -> b.wallClock(Clock.fixed(AT, ZoneOffset.UTC)),
        b -> b.futureTolerance(Duration.ZERO),
        b -> b.ticketStore(unusedStore()));
    List<String> names = List.of("workflow", "calendar", "customerDirectory", "orderBook", "classificationRules",
        "routingRules", "events", "slaEvents", "reminders", "ticketPrefix", "startAt", "wallClock",
        "futureTolerance", "ticketStore");
    for (int i = 0; i < settings.size(); i++) {
      Function<ComplaintDeskBuilder, ComplaintDeskBuilder> setting = settings.get(i);
      ComplaintDeskBuilder b = ComplaintDesk.builder();
      assertThat(setting.apply(b)).as(names.get(i)).isSameAs(b);
      assertThatThrownBy(() -> setting.apply(b))
          .as(names.get(i))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(names.get(i) + " was already set");
    }
  }

  @Test
  void aRefusedSettingIsNotTakenAsGiven() {
    ComplaintDeskBuilder b = ComplaintDesk.builder();
    assertThatThrownBy(() -> b.ticketPrefix("C 1")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.futureTolerance(Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> b.workflow(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.routingRules(null)).isInstanceOf(NullPointerException.class);
    assertThat(b.ticketPrefix("T-")).isSameAs(b);
    assertThat(b.futureTolerance(Duration.ZERO)).isSameAs(b);
    assertThat(b.workflow(workflow("general"))).isSameAs(b);
    assertThat(b.routingRules(List.of())).isSameAs(b);
  }

  @Test
  void ticketPrefixesAreShortWithoutSpacesOrSlashes() {
    assertThat(ComplaintDesk.builder().ticketPrefix("x".repeat(16))).isNotNull();
    assertThat(ComplaintDesk.builder().ticketPrefix("Q")).isNotNull();
    for (String bad : new String[] {"", "x".repeat(17), "C 1", "C/", "C\n", "C\u2003", "\u00a0"}) {
      assertThatThrownBy(() -> ComplaintDesk.builder().ticketPrefix(bad))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessage("ticket prefix " + TextRules.excerpt(bad) + " is not 1 to 16 characters without spaces, slashes or control characters");
    }
  }

  @Test
  void aTicketPrefixIsQuotedAsAShortEscapedExcerpt() {
    String huge = "x".repeat(1_000_000);
    assertThatThrownBy(() -> ComplaintDesk.builder().ticketPrefix(huge))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ticket prefix '" + "x".repeat(32) + "'... (1000000 characters) is not 1 to 16 characters"
            + " without spaces, slashes or control characters");
    assertThatThrownBy(() -> ComplaintDesk.builder().ticketPrefix("C\r\nINFO"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ticket prefix 'C\\u000d\\u000aINFO' is not 1 to 16 characters without spaces, slashes or control characters");
  }

  @Test
  void aTicketPrefixHasNoControlCharacter() {
    for (String bad : new String[] {"C\u0000", "C\u001b[31m", "C\u2028", "C\ud800"}) {
      assertThatThrownBy(() -> ComplaintDesk.builder().ticketPrefix(bad))
          .as(TextRules.excerpt(bad))
          .isInstanceOf(ValidationException.class)
          .hasMessage("ticket prefix " + TextRules.excerpt(bad) + " is not 1 to 16 characters without spaces, slashes or control characters");
    }
  }

  @Test
  void theFutureToleranceIsBetweenZeroAndTheLongestDuration() {
    assertThat(ComplaintDesk.builder().futureTolerance(Clm.Builder.MAX_DURATION)).isNotNull();
    assertThatThrownBy(() -> ComplaintDesk.builder().futureTolerance(Clm.Builder.MAX_DURATION.plusMillis(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("future tolerance PT876000H0.001S is longer than 36500 days");
    assertThatThrownBy(() -> ComplaintDesk.builder().futureTolerance(Duration.ofNanos(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("future tolerance PT-0.000000001S is negative");
  }

  @Test
  void profilesHaveWellFormedDistinctNamesOtherThanTheMainOne() {
    assertThatThrownBy(() -> ComplaintDesk.builder().profile("IE", workflow("ie"), CALENDAR))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("profile id 'IE' must be dot-separated parts");
    assertThatThrownBy(() -> ComplaintDesk.builder().profile("ie", workflow("ie"), CALENDAR)
            .profile("ie", workflow("other"), CALENDAR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("profile 'ie' was already added");
    assertThatThrownBy(() -> ComplaintDesk.builder().workflow(workflow("general")).calendar(CALENDAR)
            .profile("ie", workflow("ie"), CALENDAR).profile("general", workflow("other"), CALENDAR).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("profile 'general' is the main profile's name (its workflow's id)");
  }

  @Test
  void aDeskNeedsAWorkflowACalendarAndAnImplementation() {
    assertThatThrownBy(() -> ComplaintDesk.builder().calendar(CALENDAR).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("workflow is required");
    assertThatThrownBy(() -> ComplaintDesk.builder().workflow(workflow("general")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("calendar is required");
    // clm-api alone has no desk implementation: the configuration is complete, so the lookup is reached
    assertThatThrownBy(() -> ComplaintDesk.builder().workflow(workflow("general")).calendar(CALENDAR)
            .profile("ie", workflow("ie"), CALENDAR).build())
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessage("no complaint desk implementation found: add io.clm:clm-complaints to the class path or module path");
  }

  @Test
  void agesFallInTheBandsOfTheRegulators() {
    long[][] edges = {{0, 0}, {3, 0}, {4, 1}, {15, 1}, {16, 2}, {35, 2}, {36, 3}, {56, 3}, {57, 4}, {10_000, 4}};
    for (long[] e : edges) {
      assertThat(ComplaintReport.AgeBand.of(e[0])).as("%d days", e[0])
          .isEqualTo(ComplaintReport.AgeBand.values()[(int) e[1]]);
    }
  }

  @Test
  void theDeskImplementationIsLookedUpInTheThreadsContextLoader(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("io.clm.api.spi.ComplaintDeskProvider");
    Files.writeString(services, "com.example.MissingDesk\n");
    URL url = services.toUri().toURL();
    ClassLoader listing = new ClassLoader(null) {
      @Override
      protected Enumeration<URL> findResources(String name) {
        return name.equals("META-INF/services/io.clm.api.spi.ComplaintDeskProvider")
            ? Collections.enumeration(List.of(url))
            : Collections.emptyEnumeration();
      }
    };
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(listing);
    try {
      assertThatThrownBy(() -> ComplaintDesk.builder().workflow(workflow("general")).calendar(CALENDAR).build())
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("the complaint desk implementation could not be loaded: ")
          .hasMessageContaining("com.example.MissingDesk");
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void aDeadlineWithoutPausesIsTheDeadlineWithAnEmptyListOfPauses() {
    List<List<StoredTicket.Pause>> asked = new java.util.ArrayList<>();
    Instant due = AT.plusSeconds(3600);
    SlaCalendar calendar = new SlaCalendar() {
      @Override public String id() { return "c"; }
      @Override public ZoneId zone() { return ZoneOffset.UTC; }
      @Override public boolean isBusinessDay(LocalDate date) { return true; }
      @Override public Instant before(Instant deadline, SlaLimit lead) { throw new AssertionError("not called"); }

      @Override
      public Instant deadline(Instant start, SlaLimit limit, List<StoredTicket.Pause> pauses) {
        asked.add(pauses);
        return due;
      }
    };
    assertThat(calendar.deadline(AT, SlaLimit.businessHours(1))).isEqualTo(due);
    assertThat(asked).containsExactly(List.of());
  }
}
