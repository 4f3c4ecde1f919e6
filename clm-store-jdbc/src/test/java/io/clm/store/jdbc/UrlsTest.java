package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JDBC URL as the store names itself in messages: every user name and password masked whole,
 * whatever characters the password holds, and nothing else changed.
 */
class UrlsTest {
  @Test
  void aUrlWithoutCredentialsIsLeftAsItIs() {
    for (String url : new String[] {
        "jdbc:h2:./clm-data/clm",
        "jdbc:h2:tcp://db.bank.example:9092/~/clm;WRITE_DELAY=0",
        "jdbc:postgresql://db:5432/clm?ssl=true&sslmode=verify-full&sslkey=/etc/clm.pk8",
        "jdbc:postgresql://db/clm?ApplicationName=clm&userSpecifiedName=x",
    }) {
      assertThat(Urls.withoutCredentials(url)).isEqualTo(url);
    }
  }

  @Test
  void everyCredentialParameterIsMaskedInEitherSpelling() {
    Map<String, String> masked = Map.of(
        "jdbc:postgresql://db/clm?username=clm&ssl=true", "jdbc:postgresql://db/clm?username=***&ssl=true",
        "jdbc:postgresql://db/clm?ssl=true&USER=clm", "jdbc:postgresql://db/clm?ssl=true&USER=***",
        "jdbc:h2:./clm;user=sa;password=", "jdbc:h2:./clm;user=***;password=***",
        "jdbc:postgresql://db/clm?ssl_password=k&key.password=k&x-password=k",
        "jdbc:postgresql://db/clm?ssl_password=***&key.password=***&x-password=***");
    masked.forEach((url, expected) -> assertThat(Urls.withoutCredentials(url)).as(url).isEqualTo(expected));
  }

  @Test
  void aPasswordHoldingTheOtherKindOfSeparatorIsMaskedWhole() {
    // PostgreSQL's parameters are separated by '&' only, H2's by ';' only: the other character is
    // part of the value.
    assertThat(Urls.withoutCredentials("jdbc:postgresql://db/clm?password=s3c;ret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/clm?password=***&ssl=true");
    assertThat(Urls.withoutCredentials("jdbc:h2:./clm;PASSWORD=s3c&ret;CIPHER=AES"))
        .isEqualTo("jdbc:h2:./clm;PASSWORD=***;CIPHER=AES");
  }

  @Test
  void aPasswordBeforeTheHostIsMaskedWholeEvenWhenItHoldsAnAt() {
    assertThat(Urls.withoutCredentials("jdbc:postgresql://clm:s3c@ret@db:5432/clm"))
        .isEqualTo("jdbc:postgresql://***@db:5432/clm");
    assertThat(Urls.withoutCredentials("jdbc:postgresql://clm@db/clm?ssl=true"))
        .isEqualTo("jdbc:postgresql://***@db/clm?ssl=true");
  }

  @Test
  void aStoreThatCannotConnectNamesItselfWithoutAnyPartOfThePassword() {
    String unreachable = "jdbc:postgresql://localhost:1/clm?password=s3c;r3t&ssl=false";
    assertThatThrownBy(() -> JdbcStore.builder().url(unreachable).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store jdbc:postgresql://localhost:1/clm?password=***&ssl=false could not open a connection: ")
        .hasMessageNotContaining("r3t");
  }
}
