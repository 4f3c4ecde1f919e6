package io.clm.core.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.CustomerMetrics;
import io.clm.api.MetricsSnapshot;
import io.clm.api.SnapshotException;
import io.clm.api.StageChange;
import io.clm.jackson.ClmJacksonModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON snapshot format, version 1:
 *
 * <pre>{@code
 * {"formatVersion": 1, "model": "banking-six-stage", "currency": "EUR", "salt": "<16 hex>",
 *  "customers": [{"customer": {Customer}, "time": "<ISO instant>",
 *                 "seenEvents": ["<16 hex>", ...], "seenAt": [millis, ...] (with a dedup window),
 *                 "complaintTimes": {"<complaint id>": [openedAt, resolvedAt]},
 *                 "history": [{StageChange}, ...]}, ...],
 *  "erased": {"stageCounts": {"<stage>": n, ...}, "fingerprints": ["<16 hex>", ...]}}
 * }</pre>
 *
 * <p>Customers are sorted by id and fingerprints by value, so that export, import and export again
 * give identical bytes. Reading is all-or-nothing: everything is parsed and validated before the
 * engine's state is replaced.
 */
final class Snapshots {
  static final int FORMAT_VERSION = 1;
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new ClmJacksonModule())
          .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private Snapshots() {}

  /** What a snapshot holds, validated, ready to replace an engine's state. */
  static final class Contents {
    long salt;
    List<CustomerState> customers = new ArrayList<>();
    long[] erased;
    long[] erasedPerStage;
  }

  static void write(CoreLifecycleEngine engine, OutputStream out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("model", engine.model().id());
    root.put("currency", engine.shape.currency.getCurrencyCode());
    root.put("salt", hex(engine.salt));
    ArrayNode customers = root.putArray("customers");
    for (CustomerState s : engine.liveSorted()) {
      ObjectNode c = customers.addObject();
      c.set("customer", MAPPER.valueToTree(s.toCustomer(engine.stageIds)));
      c.put("time", Instant.ofEpochMilli(s.time).toString());
      ArrayNode seen = c.putArray("seenEvents");
      ArrayNode seenAt = engine.shape.dedupWindowMillis >= 0 ? c.putArray("seenAt") : null;
      for (long[] pair : s.seenSorted()) {
        seen.add(hex(pair[0]));
        if (seenAt != null) {
          seenAt.add(pair[1]);
        }
      }
      ObjectNode times = c.putObject("complaintTimes");
      new java.util.TreeMap<>(s.complaintTimes())
          .forEach((id, t) -> times.putArray(id).add(t[0]).add(t[1]));
      c.set("history", MAPPER.valueToTree(s.historyList()));
    }
    ObjectNode erased = root.putObject("erased");
    ObjectNode counts = erased.putObject("stageCounts");
    for (int i = 0; i < engine.stageIds.size(); i++) {
      counts.put(engine.stageIds.get(i), engine.erasedPerStage.get(i));
    }
    ArrayNode fps = erased.putArray("fingerprints");
    for (long fp : engine.erasedSorted()) {
      fps.add(hex(fp));
    }
    try {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
      out.flush();
    } catch (IOException e) {
      throw new SnapshotException("snapshot could not be written: " + e.getClass().getName(), e);
    }
  }

  static Contents read(CoreLifecycleEngine engine, InputStream in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new SnapshotException(
          "snapshot is not valid json"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()),
          e);
    } catch (IOException e) {
      throw new SnapshotException("snapshot could not be read: " + e.getClass().getName(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SnapshotException("snapshot is not a json object");
    }
    JsonNode version = field(root, "formatVersion", "");
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new SnapshotException(
          "snapshot formatVersion " + version + " is not supported; this library reads " + FORMAT_VERSION);
    }
    String model = text(root, "model", "");
    if (!model.equals(engine.model().id())) {
      throw new SnapshotException(
          "snapshot model '" + model + "' is not the engine's model '" + engine.model().id() + "'");
    }
    String currency = text(root, "currency", "");
    if (!currency.equals(engine.shape.currency.getCurrencyCode())) {
      throw new SnapshotException(
          "snapshot currency " + currency + " is not the engine currency " + engine.shape.currency.getCurrencyCode());
    }
    Contents contents = new Contents();
    contents.salt = unhex(text(root, "salt", ""), "salt");
    JsonNode customers = field(root, "customers", "");
    if (!customers.isArray()) {
      throw new SnapshotException("snapshot field 'customers' is not an array");
    }
    Set<CustomerId> ids = new HashSet<>();
    for (int i = 0; i < customers.size(); i++) {
      CustomerState s = customer(engine, customers.get(i), "customers[" + i + "].");
      if (!ids.add(s.id)) {
        throw new SnapshotException("snapshot lists customer " + s.id.masked() + " twice");
      }
      contents.customers.add(s);
    }
    JsonNode erased = field(root, "erased", "");
    JsonNode counts = field(erased, "stageCounts", "erased.");
    contents.erasedPerStage = new long[engine.stageIds.size()];
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int stage = stage(engine, e.getKey(), "snapshot erased.stageCounts stage");
      if (!e.getValue().canConvertToLong() || e.getValue().longValue() < 0) {
        throw new SnapshotException("snapshot field 'erased.stageCounts." + e.getKey() + "' is not a count");
      }
      contents.erasedPerStage[stage] = e.getValue().longValue();
    }
    JsonNode fps = field(erased, "fingerprints", "erased.");
    contents.erased = new long[fps.size()];
    for (int i = 0; i < fps.size(); i++) {
      contents.erased[i] = unhex(fps.get(i).asText(), "erased.fingerprints[" + i + "]");
    }
    return contents;
  }

  private static CustomerState customer(CoreLifecycleEngine engine, JsonNode node, String path) {
    Customer customer = convert(field(node, "customer", path), Customer.class, path + "customer");
    MetricsSnapshot m = customer.metrics();
    String where = "snapshot customer " + customer.id().masked();
    if (!m.currency().equals(engine.shape.currency)) {
      throw new SnapshotException(where + " has currency " + m.currency() + ", not " + engine.shape.currency);
    }
    if (m.trendWindowMillis() != engine.shape.trendWindowMillis) {
      throw new SnapshotException(
          where + " has trend window " + m.trendWindowMillis() + " ms, not " + engine.shape.trendWindowMillis);
    }
    for (MetricsSnapshot.WindowVolume w : m.windows()) {
      if (w.window() != (int) w.window()) {
        throw new SnapshotException(where + " has trend window number " + w.window() + " out of range");
      }
    }
    for (MetricsSnapshot.ProductActivity p : m.products()) {
      if (p.debitCount() > CustomerState.MAX_COUNT || p.creditCount() > CustomerState.MAX_COUNT) {
        throw new SnapshotException(
            where + " has a transaction count of " + p.product() + " beyond " + CustomerState.MAX_COUNT);
      }
    }
    int stage = stage(engine, customer.stage(), where + " stage");
    for (String done : customer.completedStageMillis().keySet()) {
      stage(engine, done, where + " completedStageMillis stage");
    }
    Instant time = instant(field(node, "time", path), path + "time");
    Map<String, long[]> complaintTimes = new HashMap<>();
    JsonNode times = field(node, "complaintTimes", path);
    for (Iterator<Map.Entry<String, JsonNode>> it = times.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode pair = e.getValue();
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToLong() || !pair.get(1).canConvertToLong()) {
        throw new SnapshotException("snapshot field '" + path + "complaintTimes' is not a list of two instants");
      }
      complaintTimes.put(e.getKey(), new long[] {pair.get(0).longValue(), pair.get(1).longValue()});
    }
    CustomerState s = new CustomerState(customer.id(), engine.shape);
    s.restore(customer, stage, time.toEpochMilli(), complaintTimes, engine.stageIds);
    JsonNode seen = field(node, "seenEvents", path);
    JsonNode seenAt = node.get("seenAt");
    boolean timed = engine.shape.dedupWindowMillis >= 0;
    if (timed && (seenAt == null || seenAt.size() != seen.size())) {
      throw new SnapshotException("snapshot field '" + path + "seenAt' is missing or does not match seenEvents");
    }
    for (int i = 0; i < seen.size(); i++) {
      long fp = unhex(seen.get(i).asText(), path + "seenEvents[" + i + "]");
      s.seenAdd(fp == 0 ? 1 : fp, timed ? seenAt.get(i).asLong() : 0, CustomerMetrics.NONE);
    }
    JsonNode history = field(node, "history", path);
    for (int i = 0; i < history.size(); i++) {
      StageChange change = convert(history.get(i), StageChange.class, path + "history[" + i + "]");
      stage(engine, change.from(), where + " history stage");
      stage(engine, change.to(), where + " history stage");
      if (!change.customer().equals(customer.id())) {
        throw new SnapshotException(where + " history[" + i + "] belongs to another customer");
      }
      s.append(change);
    }
    return s;
  }

  private static int stage(CoreLifecycleEngine engine, String stageId, String where) {
    int i = engine.stageIds.indexOf(stageId);
    if (i < 0) {
      throw new SnapshotException(
          where + " '" + stageId + "' is not a stage of model '" + engine.model().id() + "'");
    }
    return i;
  }

  private static <T> T convert(JsonNode node, Class<T> type, String path) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof ClmException)) {
        cause = cause.getCause();
      }
      throw new SnapshotException(
          "snapshot field '" + path + "' is invalid" + (cause == null ? "" : ": " + cause.getMessage()), e);
    }
  }

  /** An ISO-8601 instant, as the snapshot writes it (clm's Jackson module formats instants only inside clm's types). */
  private static Instant instant(JsonNode node, String path) {
    try {
      if (node.isTextual()) {
        return Instant.parse(node.textValue());
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new SnapshotException("snapshot field '" + path + "' is invalid", e);
    }
    throw new SnapshotException("snapshot field '" + path + "' is invalid");
  }

  private static JsonNode field(JsonNode node, String name, String path) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || value.isNull()) {
      throw new SnapshotException("snapshot field '" + path + name + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String name, String path) {
    JsonNode value = field(node, name, path);
    if (!value.isTextual()) {
      throw new SnapshotException("snapshot field '" + path + name + "' is not a string");
    }
    return value.textValue();
  }

  static String hex(long value) {
    return String.format("%016x", value);
  }

  private static long unhex(String text, String path) {
    try {
      if (text.length() != 16) {
        throw new NumberFormatException();
      }
      return Long.parseUnsignedLong(text, 16);
    } catch (NumberFormatException e) {
      throw new SnapshotException("snapshot field '" + path + "' is not 16 hex digits");
    }
  }
}
