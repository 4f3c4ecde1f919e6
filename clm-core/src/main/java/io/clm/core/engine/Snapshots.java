package io.clm.core.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.SnapshotException;
import io.clm.api.StageChange;
import io.clm.api.TextRules;
import io.clm.api.spi.SeenEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON snapshot, format version 3: a header, the erased customers' fingerprints, and a stream
 * of customer records in the JSON form of the one record schema ({@link CustomerCodec}):
 *
 * <pre>{@code
 * {"formatVersion": 3, "model": "banking-six-stage", "currency": "EUR", "keyCheck": "<16 hex>",
 *  "erased": [{"fingerprint": "<16 hex>", "stage": "<stage id>"}, ...],
 *  "saltedErased": [{"salt": "<16 hex>", "fingerprint": "<16 hex>", "stage": "<stage id>"}, ...],
 *  "customers": [{"id": "c-42", "record": {<record fields>},
 *                 "seen": [{"id": n, "content": n, "at": n}, ...],
 *                 "history": [{<stage change fields>}, ...]}, ...]}
 * }</pre>
 *
 * <p>{@code erased} holds keyed fingerprints ({@link ErasedIds}); {@code keyCheck} is the key check
 * value of the key they were taken with, and a snapshot with keyed fingerprints is refused by an
 * engine with another key. {@code saltedErased} holds the salted fingerprints that an engine read
 * from a store or snapshot of an earlier version, all with one salt. Version 2, written by earlier
 * versions, is still read: its header has {@code "salt"} where version 3 has {@code "keyCheck"},
 * its {@code erased} fingerprints are salted, and it has no {@code saltedErased}.
 *
 * <p>Customers are sorted by id and fingerprints by value, so that export, import and export again
 * give identical bytes. Reading is strict and all-or-nothing: fields in this order and no others,
 * no duplicate keys, nothing after the end, every value in its range, no customer both erased and
 * live; everything is parsed and validated before the engine's state is replaced.
 */
final class Snapshots {
  static final int FORMAT_VERSION = 3;
  /** The earlier format, with salted fingerprints, still read. */
  static final int SALTED_FORMAT_VERSION = 2;
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private Snapshots() {}

  /** A parse failure inside the readers, turned into a {@link SnapshotException} by {@link #read}. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(IOException cause) {
      super(cause);
    }
  }

  /** What a snapshot holds, validated, ready to replace an engine's state. */
  static final class Contents {
    final List<CustomerState> customers = new ArrayList<>();
    /** Keyed fingerprints to stage indexes. */
    final Map<Long, Integer> keyed = new HashMap<>();
    /** The salt of {@link #salted}. */
    long salt;
    /** Salted fingerprints of earlier versions to stage indexes. */
    final Map<Long, Integer> salted = new HashMap<>();
  }

  static void write(CoreLifecycleEngine engine, OutputStream out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      g.writeStringField("model", engine.model().id());
      g.writeStringField("currency", engine.shape.currency.getCurrencyCode());
      ErasedIds erased = engine.erased;
      g.writeStringField("keyCheck", hex(erased.keyCheck));
      g.writeArrayFieldStart("erased");
      for (Map.Entry<Long, Integer> e : new TreeMap<>(erased.keyed).entrySet()) {
        g.writeStartObject();
        g.writeStringField("fingerprint", hex(e.getKey()));
        g.writeStringField("stage", engine.stageIds.get(e.getValue()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("saltedErased");
      for (Map.Entry<Long, Integer> e : new TreeMap<>(erased.salted).entrySet()) {
        g.writeStartObject();
        g.writeStringField("salt", hex(erased.salt));
        g.writeStringField("fingerprint", hex(e.getKey()));
        g.writeStringField("stage", engine.stageIds.get(e.getValue()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("customers");
      JsonRecordWriter w = new JsonRecordWriter(g);
      for (CustomerState s : engine.liveSorted()) {
        g.writeStartObject();
        g.writeStringField("id", s.id().value());
        g.writeObjectFieldStart("record");
        engine.codec.writeState(s, w);
        g.writeEndObject();
        long[][] seen = SeenIds.sorted(s);
        w.list("seen", seen.length);
        for (long[] row : seen) {
          w.entry();
          CustomerCodec.writeSeen(new SeenEvent(row[0], row[1], row[2]), w);
          w.endEntry();
        }
        w.endList();
        List<StageChange> history = s.historyList();
        w.list("history", history.size());
        for (StageChange change : history) {
          w.entry();
          CustomerCodec.writeChange(change, w);
          w.endEntry();
        }
        w.endList();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
      throw new SnapshotException("snapshot could not be written: " + cause.getClass().getName(), e);
    }
  }

  static Contents read(CoreLifecycleEngine engine, InputStream in) {
    try (JsonParser p = JSON.createParser(in)) {
      Contents contents = readRoot(engine, p);
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (IOException e) {
        throw new Unreadable(e);
      }
      if (after != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new SnapshotException(
            "snapshot has content after its end at line " + at.getLineNr() + ", column " + at.getColumnNr());
      }
      return contents;
    } catch (Unreadable e) {
      throw unreadable((IOException) e.getCause());
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static SnapshotException unreadable(IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      JsonLocation at = j.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String message = j.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field")) {
        return new SnapshotException("snapshot has a duplicate field" + where);
      }
      // Not the parser's exception as the cause: its message quotes the offending token, which may
      // be a customer id.
      return new SnapshotException("snapshot is not valid json" + where);
    }
    return new SnapshotException("snapshot could not be read: " + e.getClass().getName(), e);
  }

  private static Contents readRoot(CoreLifecycleEngine engine, JsonParser p) {
    JsonRecordReader header = new JsonRecordReader(p, detail -> new SnapshotException("snapshot " + detail));
    if (header.next() != JsonToken.START_OBJECT) {
      throw new SnapshotException("snapshot is not a json object");
    }
    JsonToken version = header.field("formatVersion");
    boolean salted = version == JsonToken.VALUE_NUMBER_INT
        && header.textValue().equals(Integer.toString(SALTED_FORMAT_VERSION));
    if (!salted
        && (version != JsonToken.VALUE_NUMBER_INT || !header.textValue().equals(Integer.toString(FORMAT_VERSION)))) {
      throw new SnapshotException(
          "snapshot formatVersion " + TextRules.excerpt(header.textValue()) + " is not supported; this library reads "
              + SALTED_FORMAT_VERSION + " and " + FORMAT_VERSION);
    }
    String model = header.text("model");
    if (!model.equals(engine.model().id())) {
      throw new SnapshotException(
          "snapshot model " + TextRules.excerpt(model) + " is not the engine's model '" + engine.model().id() + "'");
    }
    String currency = header.text("currency");
    if (!currency.equals(engine.shape.currency.getCurrencyCode())) {
      throw new SnapshotException(
          "snapshot currency " + TextRules.excerpt(currency) + " is not the engine currency " + engine.shape.currency.getCurrencyCode());
    }
    Contents contents = new Contents();
    if (salted) {
      contents.salt = unhex(header.text("salt"), "salt");
      erased(engine, header, "erased", contents, false);
    } else {
      long keyCheck = unhex(header.text("keyCheck"), "keyCheck");
      erased(engine, header, "erased", contents, true);
      erased(engine, header, "saltedErased", contents, false);
      if (!contents.keyed.isEmpty()) {
        engine.erased.requireKey("the snapshot", keyCheck);
      }
    }
    if (header.field("customers") != JsonToken.START_ARRAY) {
      throw new SnapshotException("snapshot field 'customers' is not an array");
    }
    Set<CustomerId> ids = new HashSet<>();
    int i = 0;
    while (true) {
      JsonToken t = header.next();
      if (t == JsonToken.END_ARRAY) {
        break;
      }
      if (t != JsonToken.START_OBJECT) {
        throw new SnapshotException("snapshot field 'customers[" + i + "]' is not an object");
      }
      CustomerState s = customer(engine, p, header, i);
      if (!ids.add(s.id())) {
        throw new SnapshotException("snapshot lists customer " + s.id().masked() + " twice");
      }
      if (engine.erased.lists(contents.keyed, contents.salt, contents.salted, s.id())) {
        throw new SnapshotException("snapshot lists erased customer " + s.id().masked() + " as live");
      }
      contents.customers.add(s);
      i++;
    }
    header.end();
    return contents;
  }

  /** Reads a list of erased fingerprints, keyed or salted (version 3's salted ones carry the salt). */
  private static void erased(
      CoreLifecycleEngine engine, JsonRecordReader header, String list, Contents contents, boolean keyed) {
    boolean saltEach = !keyed && list.equals("saltedErased");
    Map<Long, Integer> into = keyed ? contents.keyed : contents.salted;
    header.list(list);
    while (header.nextEntry()) {
      if (saltEach) {
        long salt = unhex(header.text("salt"), list + ".salt");
        if (!into.isEmpty() && salt != contents.salt) {
          throw new SnapshotException("snapshot field '" + list + ".salt' differs between entries");
        }
        contents.salt = salt;
      }
      long fp = unhex(header.text("fingerprint"), list + ".fingerprint");
      String stageId = header.text("stage");
      int stage = engine.stageIds.indexOf(stageId);
      if (stage < 0) {
        throw new SnapshotException(
            "snapshot " + list + " stage " + TextRules.excerpt(stageId) + " is not a stage of model '"
                + engine.model().id() + "'");
      }
      if (into.put(fp, stage) != null) {
        throw new SnapshotException("snapshot lists " + list + " fingerprint " + hex(fp) + " twice");
      }
      header.endEntry();
    }
  }

  private static CustomerState customer(CoreLifecycleEngine engine, JsonParser p, JsonRecordReader header, int i) {
    String text = header.text("id");
    CustomerId id;
    try {
      id = CustomerId.of(text);
    } catch (ClmException | IllegalArgumentException e) {
      throw new SnapshotException("snapshot field 'customers[" + i + "].id' is invalid: " + e.getMessage(), e);
    }
    String where = "snapshot customer " + id.masked();
    JsonRecordReader r = new JsonRecordReader(p, detail -> new SnapshotException(where + " " + detail));
    try {
      if (r.field("record") != JsonToken.START_OBJECT) {
        throw r.corrupt("field 'record' is not an object");
      }
      CustomerState s = new CustomerState(id, engine.shape);
      engine.codec.readState(r, s);
      r.end();
      r.list("seen");
      while (r.nextEntry()) {
        SeenEvent e = CustomerCodec.readSeen(r);
        if (SeenIds.find(s, e.id()) >= 0) {
          throw r.corrupt("lists seen event " + hex(e.id()) + " twice");
        }
        SeenIds.restore(s, e);
        r.endEntry();
      }
      s.seenRestored();
      r.list("history");
      while (r.nextEntry()) {
        s.append(engine.codec.readChange(r, id));
        r.endEntry();
      }
      r.end();
      return s;
    } catch (SnapshotException | Unreadable e) {
      throw e;
    } catch (ClmException e) {
      throw new SnapshotException(where + " is invalid: " + e.getMessage(), e);
    }
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
