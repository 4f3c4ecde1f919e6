package io.clm.retention;

import io.clm.api.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A population of purchase histories with identical histories merged and weighted, the input of
 * every likelihood: distinct ages and recencies are listed once, so their logarithms are computed
 * once per evaluation, and terms that depend on the frequency only are summed per distinct
 * frequency. The groups are found by sorting one numeric key per history (frequency, age rank,
 * recency rank), in increasing order of frequency.
 */
final class GroupedHistories {
  final int observations;
  final int[] x;
  final double[] weight;
  final double[] ages;
  final double[] recencies;
  final int[] ageIndex;
  final int[] recencyIndex;
  final int[] distinctX;
  /** Each group's index into {@link #distinctX}. */
  final int[] xIndex;
  final double[] distinctXWeight;
  /** Σ x over all customers and the mean age, for start points. */
  final double totalRepeats;
  final double meanAge;

  GroupedHistories(Collection<PurchaseHistory> histories) {
    Objects.requireNonNull(histories, "histories");
    if (histories.isEmpty()) {
      throw new ValidationException("population is empty");
    }
    int count = histories.size();
    int[] frequencies = new int[count];
    double[] allRecencies = new double[count];
    double[] allAges = new double[count];
    double repeats = 0;
    double ageSum = 0;
    int c = 0;
    for (PurchaseHistory h : histories) {
      Objects.requireNonNull(h, "history");
      frequencies[c] = h.frequency();
      allRecencies[c] = h.recency();
      allAges[c] = h.age();
      repeats += h.frequency();
      ageSum += h.age();
      c++;
    }
    totalRepeats = repeats;
    meanAge = ageSum / count;
    observations = count;
    ages = distinct(allAges);
    recencies = distinct(allRecencies);
    // Each (age, recency) pair as a rank among the distinct pairs, then each history as one sortable
    // key x · count + pair rank (below 2^62: no overflow); equal keys are identical histories.
    long recencyCount = recencies.length;
    long[] pairOf = new long[count];
    for (int i = 0; i < count; i++) {
      pairOf[i] = Arrays.binarySearch(ages, allAges[i]) * recencyCount + Arrays.binarySearch(recencies, allRecencies[i]);
    }
    long[] pairs = pairOf.clone();
    Arrays.sort(pairs);
    int pairCount = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        pairs[pairCount++] = pairs[i];
      }
    }
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      keys[i] = frequencies[i] * (long) count + Arrays.binarySearch(pairs, 0, pairCount, pairOf[i]);
    }
    Arrays.sort(keys);
    int n = 0;
    int xCount = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        n++;
        if (i == 0 || keys[i] / count != keys[i - 1] / count) {
          xCount++;
        }
      }
    }
    x = new int[n];
    weight = new double[n];
    ageIndex = new int[n];
    recencyIndex = new int[n];
    xIndex = new int[n];
    distinctX = new int[xCount];
    distinctXWeight = new double[xCount];
    int g = -1;
    int k = -1;
    for (int i = 0; i < count; i++) {
      long key = keys[i];
      int xi = (int) (key / count);
      if (i == 0 || key != keys[i - 1]) {
        g++;
        long pair = pairs[(int) (key % count)];
        x[g] = xi;
        ageIndex[g] = (int) (pair / recencyCount);
        recencyIndex[g] = (int) (pair % recencyCount);
        if (k < 0 || distinctX[k] != xi) {
          k++;
          distinctX[k] = xi;
        }
        xIndex[g] = k;
      }
      weight[g]++;
      distinctXWeight[k]++;
    }
  }

  /** The distinct values, sorted. */
  private static double[] distinct(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  int groups() {
    return x.length;
  }

  void requireRepeatBuyers(String model) {
    if (distinctX[distinctX.length - 1] == 0) {
      throw new ValidationException(model + " needs repeat buyers: population of " + observations + " customers has no repeat buyers");
    }
  }
}
