package io.clm.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.StoredTicket;
import io.clm.jackson.ClmJacksonModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The documents of the ticket tables: clm's own JSON (clm-jackson), amounts read as decimals. A
 * ticket's record is stored without its audit trail, whose entries are rows of their own.
 */
final class TicketJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().registerModule(new ClmJacksonModule()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private TicketJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // every value written here is one of clm's records, which the module writes
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as json", e);
    }
  }

  static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** A ticket's record with the audit trail left out. */
  static byte[] withoutAudit(StoredTicket t) {
    return write(new StoredTicket(t.sequence(), withAudit(t.complaint(), List.of()), t.clocks(), t.outcomes(), t.pauses(),
        t.pausedSince(), t.cycle(), t.openedCycle(), t.finishedCycle(), t.nextDue()));
  }

  /** A ticket read back from its record and its audit entries. */
  static StoredTicket ticket(byte[] record, List<AuditEntry> audit) throws IOException {
    StoredTicket t = read(record, StoredTicket.class);
    return new StoredTicket(t.sequence(), withAudit(t.complaint(), audit), t.clocks(), t.outcomes(), t.pauses(),
        t.pausedSince(), t.cycle(), t.openedCycle(), t.finishedCycle(), t.nextDue());
  }

  private static Complaint withAudit(Complaint c, List<AuditEntry> audit) {
    return new Complaint(c.id(), c.channel(), c.receivedAt(), c.customer(), c.orderNumber(), c.order(), c.content(),
        c.amountAtStake(), c.category(), c.flags(), c.state(), c.classification(), c.assignee(), c.resolution(),
        c.accepted(), c.policyId(), c.deadlines(), c.escalationLevel(), c.paused(), audit);
  }

  /**
   * The digest of the first {@code size} entries of an audit trail (their JSON documents, each
   * with its length), in hexadecimal.
   */
  static String digest(List<byte[]> entries, int size) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    for (int i = 0; i < size; i++) {
      byte[] entry = entries.get(i);
      sha.update(Integer.toString(entry.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(entry);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
