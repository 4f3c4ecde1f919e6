package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.clm.api.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips, malformed rows and garbage for the CSV and JSON Lines readers. */
class RowReaderTest {

  @Test
  void everyKindRoundTripsThroughCsvAndJsonLines() {
    qt().withExamples(150)
        .forAll(longs().all(), integers().between(0, RecordKind.values().length - 1), integers().between(0, 25))
        .checkAssert((seed, kindIndex, count) -> {
          RecordKind kind = RecordKind.values()[kindIndex];
          List<Event> events = new RandomEvents(seed, true).events(kind, count);
          for (RowReader.Format format : RowReader.Format.values()) {
            assertThat(readAll(write(events, kind, format), kind, format).events).as(format + " " + kind).isEqualTo(events);
          }
        });
  }

  @Test
  void aMalformedRowIsRejectedWithItsLineAndTheOthersAreRead() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(1, 20), integers().between(0, 1_000), integers().between(0, CORRUPTIONS - 1))
        .checkAssert((seed, count, position, corruption) -> {
          RecordKind kind = RecordKind.TRANSACTIONS;
          List<Event> events = new RandomEvents(seed, false).events(kind, count);
          int bad = position % count;
          for (RowReader.Format format : RowReader.Format.values()) {
            String[] lines = write(events, kind, format).split("\n", -1);
            int offset = format == RowReader.Format.CSV ? 1 : 0;
            Corrupted c = corrupt(lines[bad + offset], format, corruption);
            lines[bad + offset] = c.line;
            Result result = readAll(String.join("\n", lines), kind, format);
            assertThat(result.rejected).as(format + ": " + c.line).hasSize(1);
            BadRowException e = result.rejected.get(0);
            assertThat(e.line()).isEqualTo(bad + 1 + offset);
            assertThat(e.field()).isEqualTo(c.field);
            assertThat(e.file()).isEqualTo("test." + format.name().toLowerCase());
            List<Event> expected = new ArrayList<>(events);
            expected.remove(bad);
            assertThat(result.events).isEqualTo(expected);
          }
        });
  }

  @Test
  void garbageNeverCrashesAReader() {
    qt().withExamples(300)
        .forAll(strings().allPossible().ofLengthBetween(0, 60), integers().between(0, RecordKind.values().length - 1))
        .checkAssert((garbage, kindIndex) -> {
          RecordKind kind = RecordKind.values()[kindIndex];
          List<Event> events = new RandomEvents(kindIndex, false).events(kind, 3);
          for (RowReader.Format format : RowReader.Format.values()) {
            String text = write(events, kind, format);
            int cut = text.indexOf('\n') + 1;
            Result result = readAll(text.substring(0, cut) + garbage + "\n" + text.substring(cut), kind, format);
            assertThat(result.events.size() + result.rejected.size()).isBetween(1, 5);
            result.rejected.forEach(e -> assertThat(e.line()).isPositive());
          }
        });
  }

  @Test
  void aMissingColumnFailsAtTheHeader() {
    assertThatThrownBy(() -> new CsvRowReader(lines("id,customer_id,timestamp,direction,currency,product,channel\n"), "t.csv",
            RecordKind.TRANSACTIONS, Dialect.DEFAULT))
        .isInstanceOf(BadRowException.class)
        .hasMessage("t.csv line 1, field 'amount': column is missing from the header "
            + "[id, customer_id, timestamp, direction, currency, product, channel]");
  }

  @Test
  void messagesNameFileLineAndField() throws Exception {
    String csv = "customer_id,id,timestamp,direction,amount,product,channel,extra\n"
        + "C1,t1,2024-03-01T09:30:00Z,debit,12.50,card,pos,ignored\n"
        + "C1,t2,2024-03-01,credit,12.505,card,pos,\n"
        + "C1,t3,2024-03-01T09:30:00+01:00,sideways,1,card,pos,\n";
    Result r = readAll(csv, RecordKind.TRANSACTIONS, RowReader.Format.CSV, "t.csv");
    assertThat(r.events).hasSize(1);
    assertThat(r.rejected).extracting(Throwable::getMessage).containsExactly(
        "t.csv line 3, field 'amount': amount 12.505 has more fraction digits than EUR allows (2)",
        "t.csv line 4, field 'direction': 'sideways' is not one of debit, credit");
    String jsonl = "{\"id\":\"i1\",\"customer_id\":\"C1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"kind\":\"survey\",\"channel\":\"online\",\"satisfaction\":11}\n"
        + "\n"
        + "{\"id\":\"i2\",\"customer_id\":\"C1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"kind\":\"visit\",\"channel\":\"branch\"}\n"
        + "{\"id\":\"i3\"\n";
    r = readAll(jsonl, RecordKind.INTERACTIONS, RowReader.Format.JSONL, "i.jsonl");
    assertThat(r.events).hasSize(1);
    assertThat(r.rejected).extracting(Throwable::getMessage).containsExactly(
        "i.jsonl line 1, field 'satisfaction': 11 is outside 0..10",
        "i.jsonl line 4, field '(row)': is not valid JSON at column 11: unexpected end-of-input: expected close marker for Object");
  }

  @Test
  void aJsonKeyGivenTwiceIsRefusedEvenWhenOneOfItsValuesIsNull() {
    String row = "{\"id\":\"t1\",\"customer_id\":\"C1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"direction\":\"debit\","
        + "\"product\":\"card\",\"channel\":\"pos\",";
    String jsonl = row + "\"amount\":null,\"amount\":\"12.50\"}\n"
        + row + "\"amount\":\"12.50\",\"amount\":null}\n"
        + row + "\"amount\":null,\"amount\":null}\n"
        + row + "\"amount\":\"12.50\"}\n";
    Result r = readAll(jsonl, RecordKind.TRANSACTIONS, RowReader.Format.JSONL, "t.jsonl");
    assertThat(r.rejected).extracting(Throwable::getMessage).containsExactly(
        "t.jsonl line 1, field 'amount': appears twice",
        "t.jsonl line 2, field 'amount': appears twice",
        "t.jsonl line 3, field 'amount': appears twice");
    assertThat(r.events).hasSize(1);
  }

  /**
   * A choice is the constant named by the value upper-cased ({@code Locale.ROOT}) with '-' for '_':
   * checked against that rule written out, on spellings of every constant of every enum the readers
   * parse, in mixed case, with dashes, with characters that upper-case onto ASCII ('ı', 'ſ') or to
   * two characters ('ß'), and with a character added or dropped.
   */
  @Test
  void aChoiceIsTheConstantNamedByTheValueUpperCased() {
    List<Class<? extends Enum<?>>> types = List.of(io.clm.api.event.Direction.class, io.clm.api.event.ProductType.class,
        io.clm.api.event.Channel.class, io.clm.api.event.InteractionKind.class, io.clm.api.event.Severity.class,
        io.clm.api.event.Attribute.class, io.clm.api.event.Purpose.class);
    qt().withExamples(2_000)
        .forAll(longs().all(), integers().between(0, types.size() - 1))
        .checkAssert((seed, typeIndex) -> {
          Class<? extends Enum<?>> type = types.get(typeIndex);
          Enum<?>[] constants = type.getEnumConstants();
          java.util.Random random = new java.util.Random(seed);
          String value = spelling(constants[random.nextInt(constants.length)].name(), random);
          String expected = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
          Row row = new Row("t.csv", 2, RecordKind.TRANSACTIONS, new String[] {"t1", "C1", null, value, null, null, null, null});
          Enum<?> named = null;
          for (Enum<?> c : constants) {
            if (c.name().equals(expected)) {
              named = c;
            }
          }
          if (named != null) {
            Enum<?> chosen;
            try {
              chosen = choose(row, type);
            } catch (BadRowException e) {
              throw new AssertionError(value + " names " + named + " but was refused: " + e.getMessage(), e);
            }
            assertThat(chosen).as(value).isSameAs(named);
          } else {
            assertThatThrownBy(() -> choose(row, type)).as(value).isInstanceOf(BadRowException.class)
                .hasMessageContaining("is not one of");
          }
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> choose(Row row, Class<? extends Enum<?>> type) throws BadRowException {
    return row.choice(3, (Class) type);
  }

  /** A spelling of {@code name} that may or may not name it. */
  private static String spelling(String name, java.util.Random random) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      int roll = random.nextInt(40);
      if (c == '_' && roll < 20) {
        b.append('-');
      } else if (c == 'I' && roll == 0) {
        b.append('\u0131'); // dotless i, upper-cases to I
      } else if (c == 'S' && roll == 0) {
        b.append('\u017f'); // long s, upper-cases to S
      } else if (c == 'S' && roll == 1) {
        b.append('\u00df'); // sharp s, upper-cases to SS
      } else if (roll == 2) {
        b.append((char) ('a' + random.nextInt(26)));
      } else if (roll == 3) {
        continue;
      } else {
        b.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
      }
      if (roll == 4) {
        b.append(random.nextBoolean() ? '_' : '-');
      }
    }
    return random.nextInt(10) == 0 ? " " + b + " " : b.toString();
  }

  // ---- helpers ----------------------------------------------------------------------------

  static final int CORRUPTIONS = 6;

  record Corrupted(String line, String field) {}

  /** Breaks one transaction row in one of several ways, saying which field the reader should name. */
  static Corrupted corrupt(String line, RowReader.Format format, int how) {
    if (format == RowReader.Format.CSV) {
      // Columns: id,customer_id,timestamp,direction,amount,currency,product,channel; only ids may be quoted.
      // Split at every comma: quoted ids may hold commas, but joining restores them unchanged.
      String[] right = line.split(",", -1);
      int n = right.length;
      switch (how) {
        case 0:
          right[n - 6] = "yesterday";
          return new Corrupted(String.join(",", right), "timestamp");
        case 1:
          right[n - 4] = "12x5";
          return new Corrupted(String.join(",", right), "amount");
        case 2:
          right[n - 5] = "sideways";
          return new Corrupted(String.join(",", right), "direction");
        case 3:
          return new Corrupted(line + ",extra", BadRowException.ROW);
        case 4:
          right[n - 1] = "po\"s";
          return new Corrupted(String.join(",", right), BadRowException.ROW);
        default:
          right[n - 3] = "USD";
          return new Corrupted(String.join(",", right), "currency");
      }
    }
    switch (how) {
      case 0:
        return new Corrupted(line.replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"yesterday\""), "timestamp");
      case 1:
        return new Corrupted(line.replaceFirst("\"amount\":\"[^\"]*\"", "\"amount\":\"12x5\""), "amount");
      case 2:
        return new Corrupted(line.replaceFirst("\"direction\":\"[^\"]*\"", "\"direction\":{\"a\":1}"), "direction");
      case 3:
        return new Corrupted(line.substring(0, line.length() - 1), BadRowException.ROW);
      case 4:
        return new Corrupted("[" + line + "]", BadRowException.ROW);
      default:
        return new Corrupted(line.replaceFirst("\"channel\":\"[^\"]*\"", "\"channel\":null"), "channel");
    }
  }

  /** The first ten names of columns not read are kept, and given sorted, whatever the format. */
  @Test
  void atMostTenColumnsNotReadAreNamed() throws IOException, BadRowException {
    StringBuilder header = new StringBuilder("id,customer_id,timestamp,product,status");
    StringBuilder json = new StringBuilder("{\"id\":\"p1\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-06T09:00:00Z\","
        + "\"product\":\"card\",\"status\":\"opened\"");
    for (int i = 11; i >= 0; i--) {
      header.append(",x").append(i);
      json.append(",\"x").append(i).append("\":1");
    }
    // x11 down to x2 are met first.
    List<String> first = List.of("x10", "x11", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
    CsvRowReader csv = new CsvRowReader(lines(header + "\n"), "p.csv", RecordKind.PRODUCTS, Dialect.DEFAULT);
    assertThat(csv.unreadColumns()).containsExactlyElementsOf(first);
    JsonLinesRowReader jsonl = new JsonLinesRowReader(lines(json + "}\n"), "p.jsonl", RecordKind.PRODUCTS, Dialect.DEFAULT);
    assertThat(jsonl.unreadColumns()).isEmpty();
    assertThat(jsonl.next()).isNotNull();
    assertThat(jsonl.unreadColumns()).containsExactlyElementsOf(first);
    assertThat(new CsvRowReader(lines("id,customer_id,timestamp,product,status\n"), "p.csv", RecordKind.PRODUCTS, Dialect.DEFAULT)
        .unreadColumns()).isEmpty();
  }

  record Result(List<Event> events, List<BadRowException> rejected) {}

  static String write(List<Event> events, RecordKind kind, RowReader.Format format) {
    StringWriter out = new StringWriter();
    try (RowWriter w = RowWriter.of(format, out, kind)) {
      for (Event e : events) {
        w.write(e);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString();
  }

  static Result readAll(String text, RecordKind kind, RowReader.Format format) {
    return readAll(text, kind, format, "test." + format.name().toLowerCase());
  }

  static Result readAll(String text, RecordKind kind, RowReader.Format format, String name) {
    return readAll(text, kind, format, name, Dialect.DEFAULT);
  }

  static Result readAll(String text, RecordKind kind, RowReader.Format format, String name, Dialect dialect) {
    try {
      return readAll(format == RowReader.Format.CSV
          ? new CsvRowReader(lines(text), name, kind, dialect) : new JsonLinesRowReader(lines(text), name, kind, dialect), kind);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (BadRowException e) {
      return new Result(List.of(), List.of(e));
    }
  }

  static LineSource lines(String text) {
    return new LineSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LineSource.DEFAULT_MAX_LINE_BYTES);
  }

  static Result readAll(RowReader reader, RecordKind kind) {
    List<Event> events = new ArrayList<>();
    List<BadRowException> rejected = new ArrayList<>();
    try {
      int guard = 0;
      while (guard++ < 10_000) {
        try {
          Row row = reader.next();
          if (row == null) {
            return new Result(events, rejected);
          }
          events.add(kind.eventOf(row, RandomEvents.EUR));
        } catch (BadRowException e) {
          rejected.add(e);
        }
      }
      throw new AssertionError("reader does not terminate");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
