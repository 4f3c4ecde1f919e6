package io.clm.retention;

import io.clm.api.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A population of purchase histories with identical histories merged and weighted, the input of
 * every likelihood: distinct ages and recencies are listed once, so their logarithms are computed
 * once per evaluation, and terms that depend on the frequency only are summed per distinct
 * frequency. Groups, ages and recencies are found by open-addressing hash tables over the values'
 * bits (no boxing), in order of first appearance; the distinct frequencies are sorted.
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
    int mask = tableSize(count) - 1;
    int[] slots = new int[mask + 1];
    int[] groupX = new int[count];
    double[] groupAge = new double[count];
    double[] groupRecency = new double[count];
    double[] groupWeight = new double[count];
    double repeats = 0;
    double ageSum = 0;
    int n = 0;
    for (PurchaseHistory h : histories) {
      Objects.requireNonNull(h, "history");
      int xi = h.frequency();
      long age = Double.doubleToLongBits(h.age());
      long recency = Double.doubleToLongBits(h.recency());
      repeats += xi;
      ageSum += h.age();
      int slot = mix(xi * 0x9E3779B97F4A7C15L ^ age * 0xC2B2AE3D27D4EB4FL ^ recency) & mask;
      while (true) {
        int g = slots[slot] - 1;
        if (g < 0) {
          slots[slot] = n + 1;
          groupX[n] = xi;
          groupAge[n] = h.age();
          groupRecency[n] = h.recency();
          groupWeight[n] = 1;
          n++;
          break;
        }
        if (groupX[g] == xi && Double.doubleToLongBits(groupAge[g]) == age && Double.doubleToLongBits(groupRecency[g]) == recency) {
          groupWeight[g]++;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    totalRepeats = repeats;
    meanAge = ageSum / count;
    observations = count;
    x = Arrays.copyOf(groupX, n);
    weight = Arrays.copyOf(groupWeight, n);
    ageIndex = new int[n];
    recencyIndex = new int[n];
    ages = distinct(groupAge, n, ageIndex, slots);
    recencies = distinct(groupRecency, n, recencyIndex, slots);
    int[] sortedX = x.clone();
    Arrays.sort(sortedX);
    int xCount = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sortedX[i] != sortedX[i - 1]) {
        sortedX[xCount++] = sortedX[i];
      }
    }
    distinctX = Arrays.copyOf(sortedX, xCount);
    distinctXWeight = new double[xCount];
    xIndex = new int[n];
    for (int g = 0; g < n; g++) {
      int k = Arrays.binarySearch(distinctX, x[g]);
      xIndex[g] = k;
      distinctXWeight[k] += weight[g];
    }
  }

  /** A power of two at least twice {@code count}: the open-addressing table stays at most half full. */
  private static int tableSize(int count) {
    return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
  }

  /** A hash of the bits of a key, its high bits folded into the low ones. */
  private static int mix(long key) {
    long h = key * 0x165667B19E3779F9L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }

  /**
   * The distinct values among the first {@code n}, in order of first appearance; {@code ids}
   * receives each value's index among them. {@code table} is scratch space of at least 2n slots
   * (a power of two).
   */
  private static double[] distinct(double[] values, int n, int[] ids, int[] table) {
    int mask = tableSize(n) - 1;
    Arrays.fill(table, 0, mask + 1, 0);
    double[] out = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToLongBits(values[i]);
      int slot = mix(bits) & mask;
      while (true) {
        int id = table[slot] - 1;
        if (id < 0) {
          table[slot] = m + 1;
          out[m] = values[i];
          ids[i] = m++;
          break;
        }
        if (Double.doubleToLongBits(out[id]) == bits) {
          ids[i] = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return Arrays.copyOf(out, m);
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
