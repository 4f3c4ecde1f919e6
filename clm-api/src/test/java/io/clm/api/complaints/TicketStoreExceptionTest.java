package io.clm.api.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StoreFailure;
import org.junit.jupiter.api.Test;

class TicketStoreExceptionTest {
  @Test
  void aFailureOfAStoreThatTellsNoKindIsFailed() {
    TicketStoreException e = new TicketStoreException("ticket store 'files' could not save a ticket change", null);

    assertThat(e.kind()).isEqualTo(StoreFailure.FAILED);
    assertThat(e).hasMessage("ticket store 'files' could not save a ticket change").hasNoCause();
  }

  @Test
  void aConflictKeepsItsKindAndCause() {
    IllegalStateException cause = new IllegalStateException("serialization failure");
    TicketStoreException e = new TicketStoreException("store s could not save a ticket change", StoreFailure.CONFLICT, cause);

    assertThat(e.kind()).isEqualTo(StoreFailure.CONFLICT);
    assertThat(e).hasCause(cause);
  }

  @Test
  void theKindIsRequired() {
    assertThatThrownBy(() -> new TicketStoreException("m", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }
}
