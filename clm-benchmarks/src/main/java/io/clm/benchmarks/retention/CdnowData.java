package io.clm.benchmarks.retention;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.retention.CustomerSummary;
import io.clm.retention.PurchaseLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CDNOW sample as clm-retention keeps it for its tests ({@code
 * clm-retention/src/test/resources/cdnow/CDNOW_sample.txt}, relative to the repository root, or the
 * file named by the system property {@code clm.cdnow}), summarised with the literature's
 * conventions: calibration to 1997-09-30, weeks, same-day purchases merged.
 */
final class CdnowData {

  private CdnowData() {}

  static List<CustomerSummary> summaries() {
    Path file = Path.of(System.getProperty("clm.cdnow", "clm-retention/src/test/resources/cdnow/CDNOW_sample.txt"));
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          "CDNOW sample not found at " + file.toAbsolutePath() + ": run from the repository root or set -Dclm.cdnow=<file>");
    }
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 5) {
          log.add(CustomerId.of(f[1]), LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Money.of(f[4], "USD"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return log.summarise(LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30), Duration.ofDays(7));
  }
}
