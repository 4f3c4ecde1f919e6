package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ClmSerdesTest {
  @Test
  void anEventThatIsNotWellFormedJsonFailsWithoutQuotingItsText() {
    String valid = new String(json(transaction("p-1", "CUST0012345", START, "1.00")), StandardCharsets.UTF_8);
    byte[] unquoted = valid.replace("\"CUST0012345\"", "CUST0012345").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ClmSerdes.events().deserializer().deserialize("clm-events", unquoted))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("cannot read a Event from " + unquoted.length + " bytes of topic clm-events: not well-formed JSON"
            + " at line 1, column ")
        .hasMessageNotContaining("0012345");
  }

  @Test
  void anUnquotedValueInsideANestedObjectFailsWithoutQuotingItsText() {
    String valid = new String(json(transaction("p-1", "C-1", START, "1.00")), StandardCharsets.UTF_8);
    byte[] unquoted = valid.replace("\"1.00\"", "CUST0012345").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ClmSerdes.events().deserializer().deserialize("clm-events", unquoted))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("cannot read a Event from " + unquoted.length + " bytes of topic clm-events: not well-formed JSON"
            + " at line 1, column ")
        .hasMessageNotContaining("0012345");
  }
}
