package io.clm.retention;

import io.clm.api.ValidationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A population of purchase histories with identical histories merged and weighted, the input of
 * every likelihood: distinct ages and recencies are listed once, so their logarithms are computed
 * once per evaluation, and terms that depend on the frequency only are summed per distinct
 * frequency.
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
    Map<PurchaseHistory, Integer> groups = new HashMap<>();
    Map<Integer, Integer> byX = new TreeMap<>();
    double repeats = 0;
    double ageSum = 0;
    for (PurchaseHistory h : histories) {
      Objects.requireNonNull(h, "history");
      groups.merge(h, 1, Integer::sum);
      byX.merge(h.frequency(), 1, Integer::sum);
      repeats += h.frequency();
      ageSum += h.age();
    }
    totalRepeats = repeats;
    meanAge = ageSum / histories.size();
    observations = histories.size();
    int n = groups.size();
    x = new int[n];
    weight = new double[n];
    ageIndex = new int[n];
    recencyIndex = new int[n];
    Map<Double, Integer> ageIds = new HashMap<>();
    Map<Double, Integer> recencyIds = new HashMap<>();
    int i = 0;
    for (Map.Entry<PurchaseHistory, Integer> e : groups.entrySet()) {
      x[i] = e.getKey().frequency();
      weight[i] = e.getValue();
      ageIndex[i] = ageIds.computeIfAbsent(e.getKey().age(), k -> ageIds.size());
      recencyIndex[i] = recencyIds.computeIfAbsent(e.getKey().recency(), k -> recencyIds.size());
      i++;
    }
    ages = new double[ageIds.size()];
    ageIds.forEach((v, id) -> ages[id] = v);
    recencies = new double[recencyIds.size()];
    recencyIds.forEach((v, id) -> recencies[id] = v);
    distinctX = new int[byX.size()];
    distinctXWeight = new double[byX.size()];
    Map<Integer, Integer> xIds = new HashMap<>();
    i = 0;
    for (Map.Entry<Integer, Integer> e : byX.entrySet()) {
      distinctX[i] = e.getKey();
      distinctXWeight[i] = e.getValue();
      xIds.put(e.getKey(), i);
      i++;
    }
    xIndex = new int[n];
    for (int g = 0; g < n; g++) {
      xIndex[g] = xIds.get(x[g]);
    }
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
