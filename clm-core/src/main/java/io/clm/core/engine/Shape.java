package io.clm.core.engine;

import java.util.Currency;

/**
 * What every customer of one engine shares: the currency, the trend window, the stage count, the
 * deduplication window and the compiled rules.
 */
final class Shape {
  final Currency currency;
  final int fractionDigits;
  final long trendWindowMillis;
  final int stageCount;
  /** Deduplication window in millis, or -1 when every id is remembered. */
  final long dedupWindowMillis;
  /** The model's compiled rules, which the compact history refers to. */
  final StageRules rules;

  Shape(Currency currency, long trendWindowMillis, int stageCount, long dedupWindowMillis, StageRules rules) {
    this.currency = currency;
    this.fractionDigits = currency.getDefaultFractionDigits();
    this.trendWindowMillis = trendWindowMillis;
    this.stageCount = stageCount;
    this.dedupWindowMillis = dedupWindowMillis;
    this.rules = rules;
  }
}
