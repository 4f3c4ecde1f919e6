package io.clm.api.retention;

import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import java.util.Objects;

/**
 * What a {@link RetentionAction} does. Each type knows whether it is marketing, which needs the
 * customer's consent to {@link Purpose#MARKETING}, or service, which is proposed whatever the
 * consent: clm never proposes a marketing action to a customer who has not consented (seed 003's
 * cautionary tale), but correcting a mistake or helping a customer through trouble is service.
 *
 * <table>
 *   <caption>Marketing or service</caption>
 *   <tr><th>type</th><th>kind</th></tr>
 *   <tr><td>{@link Communication}</td><td>service</td></tr>
 *   <tr><td>{@link Offer}</td><td>marketing</td></tr>
 *   <tr><td>{@link ServiceRecovery}</td><td>service</td></tr>
 *   <tr><td>{@link ExitBarrier}</td><td>marketing, except a technical barrier</td></tr>
 *   <tr><td>{@link CrossSell}, {@link UpSell}, {@link WinBack}</td><td>marketing</td></tr>
 *   <tr><td>{@link Abandon}</td><td>service (no contact at all)</td></tr>
 * </table>
 */
@Experimental
public sealed interface ActionType {

  /**
   * Whether the action promotes something, so that it needs consent to {@link Purpose#MARKETING}.
   *
   * @return true for marketing, false for service
   */
  boolean isMarketing();

  /**
   * A contact that promotes nothing: information a prospect asked for, a care or follow-up call, a
   * satisfaction survey, an early-warning conversation (seeds 000 and 003: active communication).
   * A contact that promotes a product is an {@link Offer}, {@link CrossSell} or {@link UpSell}.
   *
   * @param topic what the contact is about, not blank
   */
  record Communication(String topic) implements ActionType {
    /**
     * Validates.
     *
     * @param topic what the contact is about, not blank
     * @throws ValidationException if the topic is blank
     */
    public Communication {
      Checks.notBlank(topic, "topic");
    }

    @Override
    public boolean isMarketing() {
      return false;
    }
  }

  /**
   * An offer or discount: a price cut, a loyalty discount for repeat customers, an introductory
   * product (seeds 000, 002).
   *
   * @param discountPercent the discount offered, 0 to 100 (0 for an offer without a discount)
   */
  record Offer(int discountPercent) implements ActionType {
    /**
     * Validates.
     *
     * @param discountPercent the discount offered, 0 to 100 (0 for an offer without a discount)
     * @throws ValidationException if the discount is outside 0..100
     */
    public Offer {
      if (discountPercent < 0 || discountPercent > 100) {
        throw new ValidationException("discountPercent " + discountPercent + " is outside 0..100");
      }
    }

    @Override
    public boolean isMarketing() {
      return true;
    }
  }

  /**
   * Correcting a mistake and compensating for it (seed 003: 纠正失误和提供补偿).
   *
   * @param compensation what the customer is given, at least 0
   */
  record ServiceRecovery(Money compensation) implements ActionType {
    /**
     * Validates.
     *
     * @param compensation what the customer is given, at least 0
     * @throws ValidationException if the compensation is negative
     */
    public ServiceRecovery {
      Checks.nonNegative(compensation, "compensation");
    }

    @Override
    public boolean isMarketing() {
      return false;
    }
  }

  /**
   * An exit barrier that makes leaving costlier than staying (seed 003: 退出壁垒).
   *
   * @param kind economic, technical or contractual
   */
  record ExitBarrier(BarrierKind kind) implements ActionType {
    /**
     * Validates.
     *
     * @param kind economic, technical or contractual
     */
    public ExitBarrier {
      Objects.requireNonNull(kind, "kind");
    }

    /** Economic and contractual barriers are sold to the customer; a technical one is service. */
    @Override
    public boolean isMarketing() {
      return kind != BarrierKind.TECHNICAL;
    }
  }

  /** The three kinds of exit barrier of seed 003. */
  enum BarrierKind {
    /** Leaving costs the customer money: switching costs, loyalty benefits lost (经济壁垒). */
    ECONOMIC,
    /** The customer depends on the bank's technology: integration, digital channels (技术壁垒). */
    TECHNICAL,
    /** A contract binds the customer for a term (契约壁垒). */
    CONTRACTUAL
  }

  /**
   * Selling a product of another type than the customer uses (seed 002: 交叉销售); also a new line
   * of business after an interruption.
   *
   * @param product the product type offered
   */
  record CrossSell(ProductType product) implements ActionType {
    /**
     * Validates.
     *
     * @param product the product type offered
     */
    public CrossSell {
      Objects.requireNonNull(product, "product");
    }

    @Override
    public boolean isMarketing() {
      return true;
    }
  }

  /**
   * Selling a better or larger product of a type the customer already uses (seed 002: 追加销售).
   *
   * @param product the product type upgraded
   */
  record UpSell(ProductType product) implements ActionType {
    /**
     * Validates.
     *
     * @param product the product type upgraded
     */
    public UpSell {
      Objects.requireNonNull(product, "product");
    }

    @Override
    public boolean isMarketing() {
      return true;
    }
  }

  /** Winning back a customer who has left: a targeted product against what lured them away (seed 000: 终止期). */
  record WinBack() implements ActionType {
    @Override
    public boolean isMarketing() {
      return true;
    }
  }

  /**
   * Deliberately spending nothing more on keeping the customer (seed 000: 放弃策略). Proposed for
   * customers whose value does not justify the cost.
   */
  record Abandon() implements ActionType {
    @Override
    public boolean isMarketing() {
      return false;
    }
  }
}
