package io.clm.core.engine;

import static io.clm.api.CustomerMetrics.NONE;

import java.math.BigDecimal;
import java.util.ArrayList;

/** Rarely used facts, allocated on first use. */
final class Extras {
  int surveys;
  long satisfactionSum;
  int lastSatisfaction = -1;
  long lastSurveyAt = NONE;
  long relationshipClosedAt = NONE;
  boolean debtsSettled;
  /** Attributes held (bit = ordinal); the three arrays hold only those, in ordinal order. */
  int attributeMask;
  BigDecimal[] attributeValues;
  double[] attributeDoubles;
  long[] attributeAt;
  long[] consentAt;
  boolean[] consentGranted;
  /** Sorted by complaint id. */
  ArrayList<Complaint> complaints;

  Extras copy() {
    Extras e = new Extras();
    e.surveys = surveys;
    e.attributeMask = attributeMask;
    e.satisfactionSum = satisfactionSum;
    e.lastSatisfaction = lastSatisfaction;
    e.lastSurveyAt = lastSurveyAt;
    e.relationshipClosedAt = relationshipClosedAt;
    e.debtsSettled = debtsSettled;
    if (attributeValues != null) {
      e.attributeValues = attributeValues.clone();
      e.attributeDoubles = attributeDoubles.clone();
      e.attributeAt = attributeAt.clone();
    }
    if (consentAt != null) {
      e.consentAt = consentAt.clone();
      e.consentGranted = consentGranted.clone();
    }
    if (complaints != null) {
      e.complaints = new ArrayList<>(complaints.size());
      for (Complaint c : complaints) {
        e.complaints.add(c.copy());
      }
    }
    return e;
  }
}
