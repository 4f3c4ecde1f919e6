package io.clm.core.engine;

import io.clm.api.Cause;
import io.clm.api.ClmException;
import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import io.clm.api.TextRules;
import io.clm.api.event.Attribute;
import io.clm.api.event.Interaction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.spi.SeenEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one schema of a customer record: its state, its seen events and its stage changes, written
 * through a {@link RecordWriter} and read through a {@link RecordReader}. The binary form (stores)
 * and the JSON form (snapshots) both come from here, so there is one representation.
 *
 * <p>Binary records start with their format version as a varint. Format version 1 is the layout
 * written by {@link #writeState}; a later version adds an upgrader to {@link #UPGRADERS} that turns
 * the body of version {@code n} into the body of version {@code n + 1}, so that every stored record
 * and the committed golden files of every past version stay readable. Enum values are written by
 * name, stages by id, so reordering an enum or a model's stages changes nothing stored.
 */
final class CustomerCodec {
  /** The format version this library writes. */
  static final int FORMAT_VERSION = 1;
  /** The version of the stage-change encoding of history entries. */
  static final int CHANGE_VERSION = 1;

  /** Turns the body of one format version into the body of the next. */
  @FunctionalInterface
  interface Upgrader {
    byte[] upgrade(byte[] body);
  }

  /** Upgraders by the version they read: none yet, since version 1 is the first. */
  static final Map<Integer, Upgrader> UPGRADERS = Map.of();

  private final Shape shape;
  private final List<String> stageIds;
  private final String modelId;

  CustomerCodec(Shape shape, List<String> stageIds, String modelId) {
    this.shape = shape;
    this.stageIds = stageIds;
    this.modelId = modelId;
  }

  // ---------------------------------------------------------------- binary records

  byte[] encodeState(CustomerState s) {
    BinaryRecordWriter w = new BinaryRecordWriter();
    w.varint(FORMAT_VERSION);
    writeState(s, w);
    return w.toByteArray();
  }

  /**
   * Decodes a stored record, upgrading older format versions.
   *
   * @throws CorruptRecordException for an unknown version or corrupt bytes, naming the masked id
   *     and the version
   */
  CustomerState decodeState(CustomerId id, byte[] bytes) {
    BinaryRecordReader header = new BinaryRecordReader(bytes, 0, d -> storeFailure("record", id, -1, d));
    long version = header.varint();
    byte[] body = java.util.Arrays.copyOfRange(bytes, header.position(), bytes.length);
    long v = version;
    while (v < FORMAT_VERSION && UPGRADERS.containsKey((int) v)) {
      body = UPGRADERS.get((int) v).upgrade(body);
      v++;
    }
    if (v != FORMAT_VERSION) {
      throw new CorruptRecordException(
          "record of customer " + id.masked() + " has format version " + version + "; this library reads "
              + FORMAT_VERSION);
    }
    BinaryRecordReader r = new BinaryRecordReader(body, 0, d -> storeFailure("record", id, version, d));
    CustomerState s = new CustomerState(id, shape);
    try {
      readState(r, s);
    } catch (CorruptRecordException e) {
      throw e;
    } catch (ClmException e) {
      throw r.corrupt(e.getMessage());
    }
    r.end();
    return s;
  }

  /** The error for a corrupt record or history entry; {@code version} is negative when it could not be read. */
  private static CorruptRecordException storeFailure(String what, CustomerId id, long version, String detail) {
    return new CorruptRecordException(
        what + " of customer " + id.masked() + (version < 0 ? "" : ", format version " + version + ",") + " is corrupt: "
            + detail);
  }

  byte[] encodeChange(StageChange change) {
    BinaryRecordWriter w = new BinaryRecordWriter();
    w.varint(CHANGE_VERSION);
    writeChange(change, w);
    return w.toByteArray();
  }

  StageChange decodeChange(CustomerId id, byte[] bytes) {
    BinaryRecordReader header = new BinaryRecordReader(bytes, 0, d -> storeFailure("history entry", id, -1, d));
    long version = header.varint();
    if (version != CHANGE_VERSION) {
      throw new CorruptRecordException(
          "history entry of customer " + id.masked() + " has format version " + version + "; this library reads "
              + CHANGE_VERSION);
    }
    BinaryRecordReader r =
        new BinaryRecordReader(bytes, header.position(), d -> storeFailure("history entry", id, version, d));
    StageChange change;
    try {
      change = readChange(r, id);
    } catch (CorruptRecordException e) {
      throw e;
    } catch (ClmException e) {
      throw r.corrupt(e.getMessage());
    }
    r.end();
    return change;
  }

  // ---------------------------------------------------------------- the state schema

  void writeState(CustomerState s, RecordWriter w) {
    w.text("currency", shape.currency.getCurrencyCode());
    w.number("trendWindowMillis", shape.trendWindowMillis);
    w.text("stage", stageIds.get(s.stage));
    w.number("cycle", s.cycle);
    w.number("time", s.time);
    w.number("firstSeen", s.firstSeen);
    w.number("firstTransaction", s.firstTransaction);
    w.number("lastTransaction", s.lastTransaction);
    w.number("stageEnteredAt", s.stageEnteredAt);
    w.number("transactionsInStage", s.transactionsInStage);
    w.number("digitalTransactions", s.digital);
    w.number("interactions", s.interactions);
    w.number("lastInteraction", s.lastInteraction);
    w.list("windows", s.windowCount);
    for (int i = s.windowCount - 1; i >= 0; i--) {
      w.entry();
      w.number("window", i == 0 ? s.window0 : i == 1 ? s.window1 : s.window2);
      w.number("volumeMinor", i == 0 ? s.volume0 : i == 1 ? s.volume1 : s.volume2);
      w.endEntry();
    }
    w.endList();
    w.list("products", Integer.bitCount(s.productMask));
    for (ProductType p : ProductType.values()) {
      if ((s.productMask & (1 << p.ordinal())) != 0) {
        w.entry();
        w.text("product", p.name());
        w.number("debitCount", s.transactionCount(p, io.clm.api.event.Direction.DEBIT));
        w.number("debitMinor", s.transactionMinor(p, io.clm.api.event.Direction.DEBIT));
        w.number("creditCount", s.transactionCount(p, io.clm.api.event.Direction.CREDIT));
        w.number("creditMinor", s.transactionMinor(p, io.clm.api.event.Direction.CREDIT));
        w.number("opened", s.productsOpened(p));
        w.number("closed", s.productsClosed(p));
        w.endEntry();
      }
    }
    w.endList();
    Extras x = s.extras != null ? s.extras : new Extras();
    w.number("surveys", x.surveys);
    w.number("satisfactionSum", x.satisfactionSum);
    w.number("lastSatisfaction", x.lastSatisfaction);
    w.number("lastSurveyAt", x.lastSurveyAt);
    w.number("relationshipClosedAt", x.relationshipClosedAt);
    w.flag("debtsSettled", x.debtsSettled);
    w.list("attributes", Integer.bitCount(x.attributeMask));
    int slot = 0;
    for (Attribute a : Attribute.values()) {
      if ((x.attributeMask & (1 << a.ordinal())) != 0) {
        w.entry();
        w.text("attribute", a.name());
        w.decimal("value", x.attributeValues[slot]);
        w.number("at", x.attributeAt[slot]);
        w.endEntry();
        slot++;
      }
    }
    w.endList();
    List<Purpose> consents = new ArrayList<>();
    if (x.consentAt != null) {
      for (Purpose p : Purpose.values()) {
        if (x.consentAt[p.ordinal()] != CustomerState.NONE) {
          consents.add(p);
        }
      }
    }
    w.list("consents", consents.size());
    for (Purpose p : consents) {
      w.entry();
      w.text("purpose", p.name());
      w.flag("granted", x.consentGranted[p.ordinal()]);
      w.number("at", x.consentAt[p.ordinal()]);
      w.endEntry();
    }
    w.endList();
    int complaints = x.complaints == null ? 0 : x.complaints.size();
    w.list("complaints", complaints);
    for (int i = 0; i < complaints; i++) {
      Complaint c = x.complaints.get(i);
      w.entry();
      w.text("complaint", c.id);
      w.text("severity", c.severity.name());
      w.number("openedAt", c.openedAt);
      w.number("resolvedAt", c.resolvedAt);
      w.flag("accepted", c.accepted);
      w.endEntry();
    }
    w.endList();
    List<Integer> done = new ArrayList<>();
    if (s.completed != null) {
      for (int i = 0; i < s.completed.length; i++) {
        if (s.completed[i] >= 0) {
          done.add(i);
        }
      }
    }
    w.list("completedStages", done.size());
    for (int i : done) {
      w.entry();
      w.text("stage", stageIds.get(i));
      w.number("millis", s.completed[i]);
      w.endEntry();
    }
    w.endList();
  }

  void readState(RecordReader r, CustomerState s) {
    String currency = r.text("currency");
    if (!currency.equals(shape.currency.getCurrencyCode())) {
      throw r.corrupt("has currency " + TextRules.excerpt(currency) + ", not " + shape.currency.getCurrencyCode());
    }
    long window = r.number("trendWindowMillis");
    if (window != shape.trendWindowMillis) {
      throw r.corrupt("has trend window " + window + " ms, not " + shape.trendWindowMillis);
    }
    s.stage = (short) stage(r, r.text("stage"), "stage");
    s.cycle = (int) range(r, "cycle", r.number("cycle"), 0, Integer.MAX_VALUE);
    s.time = instant(r, "time", true);
    s.firstSeen = instant(r, "firstSeen", false);
    s.firstTransaction = instant(r, "firstTransaction", true);
    s.lastTransaction = instant(r, "lastTransaction", true);
    s.stageEnteredAt = instant(r, "stageEnteredAt", false);
    s.transactionsInStage = range(r, "transactionsInStage", r.number("transactionsInStage"), 0, Long.MAX_VALUE);
    s.digital = range(r, "digitalTransactions", r.number("digitalTransactions"), 0, Long.MAX_VALUE);
    s.interactions = range(r, "interactions", r.number("interactions"), 0, Long.MAX_VALUE);
    s.lastInteraction = instant(r, "lastInteraction", true);
    r.list("windows");
    long previous = Long.MIN_VALUE;
    while (r.nextEntry()) {
      if (s.windowCount == 3) {
        throw r.corrupt("has more than three trend windows");
      }
      long w = range(r, "window", r.number("window"), Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (w <= previous) {
        throw r.corrupt("trend windows are not in increasing order");
      }
      previous = w;
      s.addVolume((int) w, range(r, "volumeMinor", r.number("volumeMinor"), 0, Long.MAX_VALUE));
      r.endEntry();
    }
    r.list("products");
    long total = 0;
    while (r.nextEntry()) {
      ProductType p = name(r, ProductType.class, r.text("product"), "product");
      if ((s.productMask & (1 << p.ordinal())) != 0) {
        throw r.corrupt("lists product " + p + " twice");
      }
      int slot = s.ensureProduct(p.ordinal());
      long debits = range(r, "debitCount", r.number("debitCount"), 0, Facts.MAX_COUNT);
      long debitMinor = range(r, "debitMinor", r.number("debitMinor"), 0, Long.MAX_VALUE);
      long credits = range(r, "creditCount", r.number("creditCount"), 0, Facts.MAX_COUNT);
      long creditMinor = range(r, "creditMinor", r.number("creditMinor"), 0, Long.MAX_VALUE);
      long opened = range(r, "opened", r.number("opened"), 0, Facts.MAX_COUNT);
      long closed = range(r, "closed", r.number("closed"), 0, Facts.MAX_COUNT);
      s.products[slot] = (debits << 32) | credits;
      s.products[slot + 1] = debitMinor;
      s.products[slot + 2] = creditMinor;
      s.products[slot + 3] = (opened << 32) | closed;
      r.endEntry();
      try {
        total = Math.addExact(total, Math.addExact(debitMinor, creditMinor));
      } catch (ArithmeticException e) {
        throw r.corrupt("has a transaction volume over all products beyond " + Long.MAX_VALUE + " minor units");
      }
    }
    int surveys = (int) range(r, "surveys", r.number("surveys"), 0, Integer.MAX_VALUE);
    long satisfactionSum = range(r, "satisfactionSum", r.number("satisfactionSum"), 0, Long.MAX_VALUE);
    int lastSatisfaction = (int) range(r, "lastSatisfaction", r.number("lastSatisfaction"), -1, 10);
    long lastSurveyAt = instant(r, "lastSurveyAt", true);
    long closedAt = instant(r, "relationshipClosedAt", true);
    boolean settled = r.flag("debtsSettled");
    if (surveys > 0 || lastSurveyAt != CustomerState.NONE || lastSatisfaction != -1) {
      Extras x = s.extras();
      x.surveys = surveys;
      x.satisfactionSum = satisfactionSum;
      x.lastSatisfaction = lastSatisfaction;
      x.lastSurveyAt = lastSurveyAt;
    } else if (satisfactionSum != 0) {
      throw r.corrupt("has a satisfaction sum without surveys");
    }
    if (satisfactionSum > (long) surveys * Interaction.MAX_SATISFACTION) {
      throw r.corrupt("has a satisfaction sum " + satisfactionSum + " above " + Interaction.MAX_SATISFACTION
          + " per survey");
    }
    if (closedAt != CustomerState.NONE || settled) {
      s.extras().relationshipClosedAt = closedAt;
      s.extras().debtsSettled = settled;
    }
    r.list("attributes");
    while (r.nextEntry()) {
      Attribute a = name(r, Attribute.class, r.text("attribute"), "attribute");
      if (s.extras != null && (s.extras.attributeMask & (1 << a.ordinal())) != 0) {
        throw r.corrupt("lists attribute " + a + " twice");
      }
      BigDecimal value = r.decimal("value");
      if (!a.accepts(value)) {
        throw r.corrupt("has attribute " + a + " value " + TextRules.excerpt(value.toString()) + " out of its range");
      }
      s.setAttribute(a, value, instant(r, "at", false));
      r.endEntry();
    }
    r.list("consents");
    while (r.nextEntry()) {
      Purpose p = name(r, Purpose.class, r.text("purpose"), "purpose");
      if (s.extras != null && s.extras.consentAt != null && s.extras.consentAt[p.ordinal()] != CustomerState.NONE) {
        throw r.corrupt("lists consent " + p + " twice");
      }
      boolean granted = r.flag("granted");
      long at = r.number("at");
      if (at == CustomerState.NONE) {
        throw r.corrupt("consent " + p + " has no instant");
      }
      range(r, "at", at, CoreLifecycleEngine.MIN_MILLIS, CoreLifecycleEngine.MAX_MILLIS);
      s.setConsent(p, granted, at);
      r.endEntry();
    }
    r.list("complaints");
    String last = null;
    while (r.nextEntry()) {
      String id = r.text("complaint");
      if (id.isBlank() || (last != null && id.compareTo(last) <= 0)) {
        throw r.corrupt("complaint ids are blank, repeated or out of order");
      }
      last = id;
      Complaint c = s.complaint(id);
      c.severity = name(r, Severity.class, r.text("severity"), "severity");
      c.openedAt = instant(r, "openedAt", true);
      c.resolvedAt = instant(r, "resolvedAt", true);
      c.accepted = r.flag("accepted");
      r.endEntry();
    }
    r.list("completedStages");
    while (r.nextEntry()) {
      int stage = stage(r, r.text("stage"), "completedStages stage");
      long millis = range(r, "millis", r.number("millis"), 0, Long.MAX_VALUE);
      if (s.completed != null && stage < s.completed.length && s.completed[stage] >= 0) {
        throw r.corrupt("lists completed stage '" + stageIds.get(stage) + "' twice");
      }
      s.ensureCompleted(stage);
      s.completed[stage] = millis;
      r.endEntry();
    }
  }

  // ---------------------------------------------------------------- seen events and history

  static void writeSeen(SeenEvent e, RecordWriter w) {
    w.number("id", e.id());
    w.number("content", e.content());
    w.number("at", e.at());
  }

  static SeenEvent readSeen(RecordReader r) {
    long id = r.number("id");
    if (id == 0) {
      throw r.corrupt("has a seen event fingerprint 0");
    }
    return new SeenEvent(id, r.number("content"), instant(r, "at", false));
  }

  static void writeChange(StageChange c, RecordWriter w) {
    w.text("from", c.from());
    w.text("to", c.to());
    w.number("at", c.at().toEpochMilli());
    Cause cause = c.cause();
    if (cause instanceof Cause.Rule rule) {
      w.text("cause", "rule");
      w.text("rule", rule.ruleId());
    } else if (cause instanceof Cause.Manual manual) {
      w.text("cause", "manual");
      w.text("actor", manual.actor());
      w.text("reason", manual.reason());
    } else if (cause instanceof Cause.Import imported) {
      w.text("cause", "import");
      w.text("source", imported.source());
    } else {
      throw new AssertionError(cause);
    }
    w.list("evidence", c.evidence().size());
    for (Map.Entry<String, Double> e : c.evidence().entrySet()) {
      w.entry();
      w.text("metric", e.getKey());
      w.real("value", e.getValue());
      w.endEntry();
    }
    w.endList();
  }

  StageChange readChange(RecordReader r, CustomerId customer) {
    String from = stageIds.get(stage(r, r.text("from"), "history stage"));
    String to = stageIds.get(stage(r, r.text("to"), "history stage"));
    if (from.equals(to)) {
      throw r.corrupt("has a history entry from '" + from + "' to itself");
    }
    long at = instant(r, "at", false);
    String kind = r.text("cause");
    Cause cause =
        switch (kind) {
          case "rule" -> new Cause.Rule(r.text("rule"));
          case "manual" -> new Cause.Manual(r.text("actor"), r.text("reason"));
          case "import" -> new Cause.Import(r.text("source"));
          default -> throw r.corrupt("has a history entry caused by " + TextRules.excerpt(kind));
        };
    Map<String, Double> evidence = new HashMap<>();
    r.list("evidence");
    while (r.nextEntry()) {
      String metric = r.text("metric");
      if (evidence.put(metric, r.real("value")) != null) {
        throw r.corrupt("has a history entry with evidence " + TextRules.excerpt(metric) + " twice");
      }
      r.endEntry();
    }
    return new StageChange(customer, from, to, Instant.ofEpochMilli(at), cause, evidence);
  }

  // ---------------------------------------------------------------- checks

  private int stage(RecordReader r, String id, String what) {
    int i = stageIds.indexOf(id);
    if (i < 0) {
      throw r.corrupt(what + " " + TextRules.excerpt(id) + " is not a stage of model '" + modelId + "'");
    }
    return i;
  }

  /**
   * Reads an instant: epoch milliseconds within the engine's range of timestamps, as every event's
   * is, or {@link CustomerState#NONE} where {@code absent} allows it.
   */
  private static long instant(RecordReader r, String name, boolean absent) {
    long value = r.number(name);
    if (absent && value == CustomerState.NONE) {
      return value;
    }
    return range(r, name, value, CoreLifecycleEngine.MIN_MILLIS, CoreLifecycleEngine.MAX_MILLIS);
  }

  private static long range(RecordReader r, String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw r.corrupt("field '" + name + "' is " + value + ", outside " + min + ".." + max);
    }
    return value;
  }

  private static <E extends Enum<E>> E name(RecordReader r, Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw r.corrupt("has unknown " + what + " " + TextRules.excerpt(name));
    }
  }

}
