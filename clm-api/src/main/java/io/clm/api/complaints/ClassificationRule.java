package io.clm.api.complaints;

import io.clm.api.Money;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Severity;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A rule of automatic classification (seed 002: 自动把客户投诉分类, 比如紧急和一般). Rules are
 * tried in order; the first that matches decides the class and its id is recorded on the ticket;
 * when none matches the complaint is {@link Severity#NORMAL normal} with rule id {@code default}.
 * Implementations must be stateless and thread-safe.
 *
 * <pre>{@code
 * List<ClassificationRule> rules = List.of(
 *     ClassificationRule.vulnerableCustomer("vulnerable"),
 *     ClassificationRule.amountAtLeast("large-amount", Money.of("5000.00", "GBP")),
 *     ClassificationRule.keywords("fraud-words", List.of("fraud", "stolen")),
 *     ClassificationRule.repeatComplainant("repeat", 2, Duration.ofDays(90)),
 *     ClassificationRule.category("regulator", Set.of("regulator-referral")));
 * }</pre>
 */
@Experimental
public interface ClassificationRule extends ComplaintRule<ComplaintFacts> {

  /**
   * The rule's id, recorded on the ticket when it fires.
   *
   * @return a non-blank id
   */
  @Override
  String id();

  /**
   * The class the rule gives.
   *
   * @return the severity
   */
  Severity severity();

  /**
   * Whether the rule fires.
   *
   * @param facts the ticket and what is known about the customer
   * @return true if it fires
   */
  @Override
  boolean matches(ComplaintFacts facts);

  /**
   * A rule from a predicate.
   *
   * @param id the rule id
   * @param severity the class it gives
   * @param when when it fires
   * @return the rule
   * @throws IllegalArgumentException if the id is blank
   */
  static ClassificationRule of(String id, Severity severity, Predicate<ComplaintFacts> when) {
    return new SimpleClassificationRule(id, severity, when, "");
  }

  /**
   * Urgent when the amount at stake is at least the threshold of its currency. Each threshold is in
   * its own currency, at most one per currency; no conversion is made, so an amount in a currency
   * without a threshold never matches (nor does a complaint without an amount). The rule's {@code
   * toString} lists the thresholds, so a desk's configuration shows which currencies it compares.
   *
   * <pre>{@code
   * ClassificationRule.amountAtLeast("large-amount",
   *     Money.of("5000.00", "EUR"), Money.of("5500.00", "USD"), Money.of("800000", "JPY"));
   * }</pre>
   *
   * @param id the rule id
   * @param threshold the smallest urgent amount in its currency
   * @param others the smallest urgent amounts in other currencies, one per currency
   * @return the rule
   * @throws NullPointerException if a threshold or {@code others} is null
   * @throws ValidationException naming the currency if two thresholds are in the same currency, or
   *     naming the threshold if one is negative (it would make every amount in its currency urgent)
   */
  static ClassificationRule amountAtLeast(String id, Money threshold, Money... others) {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(others, "others");
    Map<Currency, Money> byCurrency = new LinkedHashMap<>();
    byCurrency.put(threshold.currency(), requireNotNegative(id, threshold));
    for (Money other : others) {
      Objects.requireNonNull(other, "threshold");
      requireNotNegative(id, other);
      Money earlier = byCurrency.putIfAbsent(other.currency(), other);
      if (earlier != null) {
        throw new ValidationException("amount rule " + TextRules.excerpt(id) + " has two thresholds in "
            + other.currency().getCurrencyCode() + ": " + earlier + " and " + other);
      }
    }
    String thresholds = byCurrency.values().stream().map(Money::toString).collect(Collectors.joining(" or "));
    return new SimpleClassificationRule(
        id,
        Severity.URGENT,
        facts ->
            facts.complaint().amountAtStake()
                .filter(a -> {
                  Money min = byCurrency.get(a.currency());
                  return min != null && a.compareTo(min) >= 0;
                })
                .isPresent(),
        "amount at least " + thresholds + "; other currencies never match");
  }

  private static Money requireNotNegative(String id, Money threshold) {
    if (threshold.isNegative()) {
      throw new ValidationException("amount rule " + TextRules.excerpt(id) + " has a negative threshold: " + threshold);
    }
    return threshold;
  }

  /**
   * Urgent when the content contains one of the words, ignoring case.
   *
   * @param id the rule id
   * @param words the words; none blank
   * @return the rule
   * @throws IllegalArgumentException if there are no words or one is blank
   */
  static ClassificationRule keywords(String id, Collection<String> words) {
    List<String> lower =
        words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    if (lower.isEmpty() || lower.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("keywords of rule " + TextRules.excerpt(id) + " are empty or blank");
    }
    return of(
        id,
        Severity.URGENT,
        facts -> {
          String text = facts.complaint().content().toLowerCase(Locale.ROOT);
          return lower.stream().anyMatch(text::contains);
        });
  }

  /**
   * Urgent when the customer complained at least {@code earlier} times within {@code window}
   * before this complaint.
   *
   * @param id the rule id
   * @param earlier how many earlier complaints make a repeat complainant; at least 1
   * @param window how far back to look
   * @return the rule
   * @throws IllegalArgumentException if {@code earlier} is below 1 or the window is not positive
   */
  static ClassificationRule repeatComplainant(String id, int earlier, Duration window) {
    if (earlier < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "repeat rule " + TextRules.excerpt(id) + " needs earlier >= 1 and a positive window, got " + earlier + ", " + window);
    }
    return of(
        id,
        Severity.URGENT,
        facts -> {
          java.time.Instant received = facts.complaint().receivedAt();
          java.time.Instant from = received.minus(window);
          List<java.time.Instant> times = facts.earlierComplaints();
          int count = 0;
          for (int i = times.size() - 1; i >= 0 && count < earlier; i--) {
            java.time.Instant t = times.get(i);
            if (!t.isBefore(from) && !t.isAfter(received)) {
              count++;
            }
          }
          return count >= earlier;
        });
  }

  /**
   * Urgent when the customer directory marks the customer vulnerable.
   *
   * @param id the rule id
   * @return the rule
   */
  static ClassificationRule vulnerableCustomer(String id) {
    return of(id, Severity.URGENT, ComplaintFacts::vulnerableCustomer);
  }

  /**
   * Urgent for the given regulatory categories, or for complaints referred by a regulator when the
   * set contains {@code regulator-referral}.
   *
   * @param id the rule id
   * @param categories the categories, each in the form {@link Intake} requires
   * @return the rule
   * @throws io.clm.api.ValidationException naming a category that is blank, not lowercase or has
   *     space around it
   */
  static ClassificationRule category(String id, Set<String> categories) {
    Set<String> copy = Set.copyOf(categories);
    copy.forEach(Categories::require);
    return of(
        id,
        Severity.URGENT,
        facts ->
            copy.contains(facts.complaint().category())
                || (copy.contains("regulator-referral")
                    && facts.complaint().channel() == ComplaintChannel.REGULATOR_REFERRAL));
  }
}

/**
 * The rule behind the factories.
 *
 * @param id the rule id
 * @param severity the class it gives
 * @param when when it fires
 * @param detail what the rule compares, for {@code toString}; empty when the id says enough
 */
record SimpleClassificationRule(String id, Severity severity, Predicate<ComplaintFacts> when, String detail)
    implements ClassificationRule {
  SimpleClassificationRule {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("rule id is blank");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public boolean matches(ComplaintFacts facts) {
    return when.test(facts);
  }

  @Override
  public String toString() {
    return "ClassificationRule[" + id + " -> " + severity + (detail.isEmpty() ? "" : ", " + detail) + "]";
  }
}
