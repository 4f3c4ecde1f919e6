package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A complaint as it comes in, before it is a ticket. From a call ({@link #call}) the calling number
 * identifies the customer; from the other channels ({@link #of}) the customer is given when known.
 * Either way a ticket is always created: an unknown caller gets a ticket flagged for
 * identification.
 *
 * @param channel how it came in
 * @param receivedAt when it was received (the SLA clocks start here)
 * @param callerPhone the calling number, for {@link ComplaintChannel#PHONE}
 * @param customer the customer, when the channel already knows them
 * @param content what the customer said; 1 to 10,000 characters, not blank
 * @param amountAtStake the amount in dispute, if stated; never negative
 * @param category the regulatory or business category; lowercase with no space around it, at
 *     most 64 characters, {@code general} by default
 * @param orderNumber the order the complaint names, if any (linked and checked on intake)
 * @param profile the desk profile (regulator or jurisdiction) the complaint falls under; empty for
 *     the desk's main profile
 */
@Experimental
public record Intake(
    ComplaintChannel channel,
    Instant receivedAt,
    Optional<String> callerPhone,
    Optional<CustomerId> customer,
    String content,
    Optional<Money> amountAtStake,
    String category,
    Optional<String> orderNumber,
    Optional<String> profile) {

  /** The longest content accepted, in characters. */
  public static final int MAX_CONTENT = 10_000;

  /** The longest category accepted, in characters. */
  public static final int MAX_CATEGORY = 64;

  /** The longest calling number, order number or profile accepted, in characters. */
  public static final int MAX_REFERENCE = 64;

  /**
   * Validates the intake.
   *
   * @param channel how it came in
   * @param receivedAt when it was received (the SLA clocks start here)
   * @param callerPhone the calling number, for {@link ComplaintChannel#PHONE}
   * @param customer the customer, when the channel already knows them
   * @param content what the customer said; 1 to 10,000 characters, not blank
   * @param amountAtStake the amount in dispute, if stated; never negative
   * @param category the regulatory or business category; lowercase with no space around it, at
   *     most {@value #MAX_CATEGORY} characters, {@code general} by default
   * @param orderNumber the order the complaint names, if any (linked and checked on intake)
   * @param profile the desk profile the complaint falls under; empty for the desk's main profile
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the content is blank or too long, the amount negative, the
   *     category blank, longer than {@value #MAX_CATEGORY} characters, not lowercase, with space around it or with a
   *     control character, or the calling number, order number or profile blank, longer than
   *     {@value #MAX_REFERENCE} characters or with a control character
   */
  public Intake {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(callerPhone, "callerPhone");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(amountAtStake, "amountAtStake");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(profile, "profile");
    profile.ifPresent(p -> check("profile", p));
    callerPhone.ifPresent(p -> check("callerPhone", p));
    orderNumber.ifPresent(n -> check("orderNumber", n));
    if (content.isBlank()) {
      throw new ValidationException("content is blank");
    }
    if (content.length() > MAX_CONTENT) {
      throw new ValidationException("content has " + content.length() + " characters, more than " + MAX_CONTENT);
    }
    Categories.require(category);
    amountAtStake.ifPresent(
        a -> {
          if (a.isNegative()) {
            throw new ValidationException("amount at stake " + a + " is negative");
          }
        });
  }

  /**
   * Checks a calling number, order number or profile: {@link TextRules#problem}, at most {@link
   * #MAX_REFERENCE} characters. The message names the field, not the value: a calling number is
   * personal data.
   */
  private static void check(String field, String value) {
    String problem = TextRules.problem(value, MAX_REFERENCE);
    if (problem != null) {
      throw new ValidationException(field + " " + problem);
    }
  }

  /**
   * A complaint made by phone.
   *
   * @param callerPhone the calling number
   * @param receivedAt when the call came in
   * @param content what the caller said
   * @return the intake
   */
  public static Intake call(String callerPhone, Instant receivedAt, String content) {
    Objects.requireNonNull(callerPhone, "callerPhone");
    return new Intake(
        ComplaintChannel.PHONE, receivedAt, Optional.of(callerPhone), Optional.empty(), content,
        Optional.empty(), ComplaintWorkflow.GENERAL, Optional.empty(), Optional.empty());
  }

  /**
   * A complaint from any channel.
   *
   * @param channel the channel
   * @param customer the customer, or null if not known
   * @param receivedAt when it was received
   * @param content what the customer said
   * @return the intake
   */
  public static Intake of(ComplaintChannel channel, CustomerId customer, Instant receivedAt, String content) {
    return new Intake(
        channel, receivedAt, Optional.empty(), Optional.ofNullable(customer), content,
        Optional.empty(), ComplaintWorkflow.GENERAL, Optional.empty(), Optional.empty());
  }

  /**
   * The same intake with an amount at stake.
   *
   * @param amount the amount
   * @return a new intake
   */
  public Intake withAmountAtStake(Money amount) {
    return new Intake(channel, receivedAt, callerPhone, customer, content, Optional.of(amount), category, orderNumber, profile);
  }

  /**
   * The same intake with a category.
   *
   * @param newCategory the category, such as {@code payment-services}
   * @return a new intake
   */
  public Intake withCategory(String newCategory) {
    return new Intake(channel, receivedAt, callerPhone, customer, content, amountAtStake, newCategory, orderNumber, profile);
  }

  /**
   * The same intake naming an order.
   *
   * @param number the order number
   * @return a new intake
   */
  public Intake withOrderNumber(String number) {
    return new Intake(channel, receivedAt, callerPhone, customer, content, amountAtStake, category, Optional.of(number), profile);
  }

  /**
   * The same intake under a named desk profile.
   *
   * @param name the profile's name, as given to {@link ComplaintDeskBuilder#profile} (the main
   *     profile is named by its workflow's id)
   * @return a new intake
   */
  public Intake withProfile(String name) {
    return new Intake(channel, receivedAt, callerPhone, customer, content, amountAtStake, category, orderNumber,
        Optional.of(name));
  }

  /** Returns the channel and time only: the rest is personal data. */
  @Override
  public String toString() {
    return "Intake[" + channel + ", " + receivedAt + "]";
  }
}
