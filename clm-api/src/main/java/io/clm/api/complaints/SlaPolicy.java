package io.clm.api.complaints;

import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The deadlines that apply to one class of complaint: an optional first response, the resolution
 * (final response) with optional extensions, an optional summary-resolution window, an optional
 * next-response interval, a warning before each breach and escalation levels after a breach of
 * the resolution deadline. Every limit is counted from the receipt of the complaint (the next
 * response from the last response), on the desk's business calendar. Where the rule provides a
 * stop-the-clock ({@link #stopTheClock}), time while the ticket is paused is not counted, measured
 * in each limit's own unit.
 *
 * <pre>{@code
 * SlaPolicy psd = SlaPolicy.builder("eu-psd2.payment-services", SlaLimit.businessDays(15))
 *     .extension(SlaLimit.businessDays(35))          // with a holding reply
 *     .warnBefore(SlaLimit.businessDays(3))
 *     .source("Directive (EU) 2015/2366, Art. 101(2)")
 *     .build();
 * }</pre>
 *
 * @param id the policy's id, as reported in SLA events and compliance reports; lowercase letters,
 *     digits, dots and hyphens
 * @param firstResponse the first-response limit, if the policy has one
 * @param summaryResolution the summary-resolution window, if the policy has one (FCA DISP 1.5.1R:
 *     close of business on the third business day): a complaint resolved within it is a summary
 *     resolution; when it passes unresolved it lapses and the resolution limit applies
 * @param resolution the resolution limit
 * @param extensions longer resolution limits that {@code extend} moves to, in order (a holding
 *     reply, an approved extension); same unit as {@code resolution}, strictly increasing
 * @param nextResponse the longest gap between two responses while open, if any
 * @param warnBefore how long before each deadline a warning is due, if any (a warning that would
 *     fall before the start of the limit is not given)
 * @param escalations escalation levels after a resolution breach, levels 1, 2, ... in order
 * @param source where the numbers come from (a rule reference), or "internal"
 * @param stopTheClock the rule that lets the clocks stop while the bank waits (external
 *     appraisal, the customer's documents), or "internal" for a bank's own policy; empty when the
 *     rule has no stop-the-clock provision, and the desk then refuses to pause
 * @param review the rule's review of a decision by a higher level, if it has one (the Chinese
 *     2020 rules' 核查): how long the customer may apply and how long the review may take
 */
@Experimental
public record SlaPolicy(
    String id,
    Optional<SlaLimit> firstResponse,
    Optional<SlaLimit> summaryResolution,
    SlaLimit resolution,
    List<SlaLimit> extensions,
    Optional<SlaLimit> nextResponse,
    Optional<SlaLimit> warnBefore,
    List<Escalation> escalations,
    String source,
    Optional<String> stopTheClock,
    Optional<Review> review) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]{0,127}");

  /**
   * An escalation level: due when the resolution deadline has been breached for {@code
   * afterBreach} (level 1 usually at once, i.e. {@code afterBreach} empty).
   *
   * @param level 1, 2, ...
   * @param afterBreach how long after the breach; empty for "at the breach"
   */
  public record Escalation(int level, Optional<SlaLimit> afterBreach) {
    /**
     * Validates the level.
     *
     * @param level 1, 2, ...
     * @param afterBreach how long after the breach; empty for "at the breach"
     * @throws NullPointerException if {@code afterBreach} is null
     * @throws ValidationException if {@code level} is below 1
     */
    public Escalation {
      Objects.requireNonNull(afterBreach, "afterBreach");
      if (level < 1) {
        throw new ValidationException("escalation level " + level + " is below 1");
      }
    }
  }

  /**
   * A review of the decision on a complaint by a higher level of the institution, at the
   * customer's written request (the Chinese 2020 rules: 核查). The review's own deadline, target
   * {@link SlaTarget#REVIEW}, runs from the receipt of the application.
   *
   * @param applyWithin how long after the decision the customer may apply (counted from the
   *     resolution, end of day)
   * @param decideWithin how long the reviewing level has to decide, from the application's receipt
   * @param rule the rule reference
   */
  public record Review(SlaLimit applyWithin, SlaLimit decideWithin, String rule) {
    /**
     * Validates the review.
     *
     * @param applyWithin how long after the decision the customer may apply
     * @param decideWithin how long the reviewing level has to decide
     * @param rule the rule reference
     * @throws NullPointerException if a component is null
     * @throws ValidationException if the rule is blank
     */
    public Review {
      Objects.requireNonNull(applyWithin, "applyWithin");
      Objects.requireNonNull(decideWithin, "decideWithin");
      Objects.requireNonNull(rule, "rule");
      if (rule.isBlank()) {
        throw new ValidationException("review rule is blank");
      }
    }
  }

  /**
   * Validates the policy.
   *
   * @param id the policy's id, as reported in SLA events and compliance reports; lowercase letters,
   *     digits, dots and hyphens
   * @param firstResponse the first-response limit, if the policy has one
   * @param resolution the resolution limit
   * @param extensions longer resolution limits that {@code extend} moves to, in order (a holding
   *     reply, an approved extension); same unit as {@code resolution}, strictly increasing
   * @param nextResponse the longest gap between two responses while open, if any
   * @param warnBefore how long before each deadline a warning is due, if any (a warning that would
   *     fall before the start of the limit is not given)
   * @param escalations escalation levels after a resolution breach, levels 1, 2, ... in order
   * @param source where the numbers come from (a rule reference), or "internal"
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is malformed, an extension has another unit than the
   *     resolution or is not longer than the one before, or the escalation levels are not 1, 2, ...
   * @param summaryResolution the summary-resolution window, if the policy has one (FCA DISP 1.5.1R: close of business on the third business day): a complaint resolved within it is a summary resolution; when it passes unresolved it lapses and the resolution limit applies
   * @param stopTheClock the rule that lets the clocks stop while the bank waits (external appraisal, the customer's documents), or "internal" for a bank's own policy; empty when the rule has no stop-the-clock provision, and the desk then refuses to pause
   * @param review the rule's review of a decision by a higher level, if it has one
   */
  public SlaPolicy {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new ValidationException("sla policy id " + TextRules.excerpt(id) + " is not lowercase letters, digits, dots and hyphens");
    }
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(summaryResolution, "summaryResolution");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(stopTheClock, "stopTheClock");
    Objects.requireNonNull(review, "review");
    if (stopTheClock.isPresent() && stopTheClock.get().isBlank()) {
      throw new ValidationException("stop-the-clock rule of policy '" + id + "' is blank");
    }
    extensions = List.copyOf(extensions);
    Objects.requireNonNull(nextResponse, "nextResponse");
    Objects.requireNonNull(warnBefore, "warnBefore");
    escalations = List.copyOf(escalations);
    Objects.requireNonNull(source, "source");
    SlaLimit previous = resolution;
    for (SlaLimit extension : extensions) {
      if (extension.unit() != resolution.unit()) {
        throw new ValidationException(
            "extension " + extension + " of policy '" + id + "' is not in " + resolution.unit());
      }
      if (extension.amount() <= previous.amount()) {
        throw new ValidationException(
            "extension " + extension + " of policy '" + id + "' is not longer than " + previous);
      }
      previous = extension;
    }
    for (int i = 0; i < escalations.size(); i++) {
      if (escalations.get(i).level() != i + 1) {
        throw new ValidationException(
            "escalation level " + escalations.get(i).level() + " of policy '" + id + "' should be " + (i + 1));
      }
    }
  }

  /**
   * Starts a policy.
   *
   * @param id the policy id
   * @param resolution the resolution limit
   * @return a builder
   */
  public static Builder builder(String id, SlaLimit resolution) {
    return new Builder(id, resolution);
  }

  /** Builds an {@link SlaPolicy}; each setter may be called once (extensions and escalations add). */
  public static final class Builder {
    private final String id;
    private final SlaLimit resolution;
    private SlaLimit firstResponse;
    private final List<SlaLimit> extensions = new ArrayList<>();
    private SlaLimit nextResponse;
    private SlaLimit warnBefore;
    private final List<Escalation> escalations = new ArrayList<>();
    private String source = "internal";
    private SlaLimit summaryResolution;
    private String stopTheClock;
    private Review review;

    private Builder(String id, SlaLimit resolution) {
      this.id = Objects.requireNonNull(id, "id");
      this.resolution = Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * Sets the first-response limit.
     *
     * @param limit the limit
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder firstResponse(SlaLimit limit) {
      if (firstResponse != null) {
        throw new IllegalStateException("first response was already set");
      }
      firstResponse = Objects.requireNonNull(limit, "firstResponse");
      return this;
    }

    /**
     * Sets the summary-resolution window (FCA DISP 1.5.1R).
     *
     * @param limit the window
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder summaryResolution(SlaLimit limit) {
      if (summaryResolution != null) {
        throw new IllegalStateException("summary resolution was already set");
      }
      summaryResolution = Objects.requireNonNull(limit, "summaryResolution");
      return this;
    }

    /**
     * Allows the clocks to stop, citing the rule that provides it. Without this call the desk
     * refuses to pause a ticket under the policy.
     *
     * @param rule the rule reference, or "internal" for the bank's own policy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder stopTheClock(String rule) {
      if (stopTheClock != null) {
        throw new IllegalStateException("stop the clock was already set");
      }
      stopTheClock = Objects.requireNonNull(rule, "stopTheClock");
      return this;
    }

    /**
     * Provides a review of the decision by a higher level at the customer's request.
     *
     * @param applyWithin how long after the decision the customer may apply
     * @param decideWithin how long the review may take from the application's receipt
     * @param rule the rule reference
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder review(SlaLimit applyWithin, SlaLimit decideWithin, String rule) {
      if (review != null) {
        throw new IllegalStateException("review was already set");
      }
      review = new Review(applyWithin, decideWithin, rule);
      return this;
    }

    /**
     * Adds a resolution extension.
     *
     * @param limit the extended limit
     * @return this builder
     */
    public Builder extension(SlaLimit limit) {
      extensions.add(Objects.requireNonNull(limit, "extension"));
      return this;
    }

    /**
     * Sets the next-response limit.
     *
     * @param limit the limit
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder nextResponse(SlaLimit limit) {
      if (nextResponse != null) {
        throw new IllegalStateException("next response was already set");
      }
      nextResponse = Objects.requireNonNull(limit, "nextResponse");
      return this;
    }

    /**
     * Sets the warning lead time.
     *
     * @param limit how long before each deadline
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder warnBefore(SlaLimit limit) {
      if (warnBefore != null) {
        throw new IllegalStateException("warn before was already set");
      }
      warnBefore = Objects.requireNonNull(limit, "warnBefore");
      return this;
    }

    /**
     * Adds the next escalation level, due this long after the resolution breach.
     *
     * @param afterBreach how long after the breach; null for at the breach
     * @return this builder
     */
    public Builder escalation(SlaLimit afterBreach) {
      escalations.add(new Escalation(escalations.size() + 1, Optional.ofNullable(afterBreach)));
      return this;
    }

    /**
     * Sets the source of the numbers.
     *
     * @param text a rule reference
     * @return this builder
     */
    public Builder source(String text) {
      source = Objects.requireNonNull(text, "source");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws ValidationException as {@link SlaPolicy#SlaPolicy the constructor}
     */
    public SlaPolicy build() {
      return new SlaPolicy(
          id,
          Optional.ofNullable(firstResponse),
          Optional.ofNullable(summaryResolution),
          resolution,
          extensions,
          Optional.ofNullable(nextResponse),
          Optional.ofNullable(warnBefore),
          escalations,
          source,
          Optional.ofNullable(stopTheClock),
          Optional.ofNullable(review));
    }
  }
}
