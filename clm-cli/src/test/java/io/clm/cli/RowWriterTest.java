package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files clm writes (the demo's export): quotes where a value needs them, and read back as written. */
class RowWriterTest {
  private static final Instant AT = Instant.parse("2025-01-02T10:00:00Z");

  @Test
  void aValueWithACommaOrAQuoteIsQuotedAndReadBack() {
    List<Event> events = List.of(
        new Transaction("t,1", CustomerId.of("C-\"1\""), AT, Direction.DEBIT, Money.of("5.00", "EUR"), ProductType.CARD, Channel.POS),
        new Transaction("t2", CustomerId.of("C-2"), AT, Direction.CREDIT, Money.of("7.50", "EUR"), ProductType.LOAN, Channel.ONLINE));
    String csv = RowReaderTest.write(events, RecordKind.TRANSACTIONS, RowReader.Format.CSV);
    assertThat(csv).isEqualTo("id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "\"t,1\",\"C-\"\"1\"\"\",2025-01-02T10:00:00Z,debit,5.00,EUR,card,pos\n"
        + "t2,C-2,2025-01-02T10:00:00Z,credit,7.50,EUR,loan,online\n");
    assertThat(RowReaderTest.readAll(csv, RecordKind.TRANSACTIONS, RowReader.Format.CSV).events()).isEqualTo(events);
  }

  @Test
  void anAbsentValueIsAnEmptyColumnOrALeftOutKey() {
    List<Event> events = List.of(new ComplaintOpened("c1", CustomerId.of("C-1"), AT, "K1", Severity.URGENT));
    assertThat(RowReaderTest.write(events, RecordKind.COMPLAINTS, RowReader.Format.CSV)).isEqualTo(
        "id,customer_id,timestamp,complaint_id,status,severity,accepted\n"
            + "c1,C-1,2025-01-02T10:00:00Z,K1,opened,urgent,\n");
    assertThat(RowReaderTest.write(events, RecordKind.COMPLAINTS, RowReader.Format.JSONL)).isEqualTo(
        "{\"id\":\"c1\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-02T10:00:00Z\",\"complaint_id\":\"K1\","
            + "\"status\":\"opened\",\"severity\":\"urgent\"}\n");
  }
}
