package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The edges of a path segment's characters and percent escapes. */
class CustomerPathTest {
  @Test
  void theFirstCharacterBeyondAsciiIsRefusedAndTheLastAsciiOneIsNot() {
    assertThatThrownBy(() -> CustomerPath.decode("Cust-\u0080"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "customer id in the request path has a character that is not ASCII at character 5: percent-encode"
                + " its UTF-8 bytes");
    // DEL is ASCII: it reaches the id's own check, which refuses a control character.
    assertThatThrownBy(() -> CustomerPath.decode("Cust-\u007f"))
        .isInstanceOf(ClmException.class)
        .hasMessage("customer id contains a control character at 5");
  }

  @Test
  void escapesWithTheHexDigitZeroAreDecoded() {
    assertThat(CustomerPath.decode("C%30-%41%2d0")).isEqualTo(CustomerId.of("C0-A-0"));
    // A tab, %09: a well-formed escape, refused by the id's own check rather than as malformed.
    assertThatThrownBy(() -> CustomerPath.decode("C%09"))
        .isInstanceOf(ClmException.class)
        .hasMessage("customer id contains a control character at 1");
  }
}
