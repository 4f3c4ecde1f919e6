package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.clm.api.CustomerId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class IdWordsTest {

  /** Ids from an alphabet that mixes ASCII, Latin-1 above 0x7f, a CJK character and an emoji. */
  private static final String ALPHABET = "aZ09-_ .éßÿ客😀";

  private static Gen<String> ids() {
    return lists()
        .of(integers().between(0, ALPHABET.codePointCount(0, ALPHABET.length()) - 1))
        .ofSizeBetween(1, 20)
        .map(
            picks -> {
              StringBuilder b = new StringBuilder();
              int[] points = ALPHABET.codePoints().toArray();
              picks.forEach(p -> b.appendCodePoint(points[p]));
              return b.toString().isBlank() ? "x" + b : b.toString();
            });
  }

  @Test
  void anIdOfSixteenLatin1CharactersOrFewerComesBackFromItsWordsWithItsHash() {
    qt().withExamples(2000)
        .forAll(strings().betweenCodePoints(1, 0xff).ofLengthBetween(1, 16))
        .checkAssert(
            id -> {
              assertThat(IdWords.fits(id)).isTrue();
              long w0 = IdWords.word(id, 0);
              long w1 = IdWords.word(id, 1);
              assertThat(IdWords.text(w0, w1)).isEqualTo(id);
              assertThat(IdWords.hash(w0, w1)).isEqualTo(id.hashCode());
              assertThat(IdWords.matches(w0, w1, id)).isTrue();
              assertThat(IdWords.matches(w0, w1, id + "a")).isFalse();
              assertThat(IdWords.matches(w0, w1, id.substring(1))).isEqualTo(id.substring(1).equals(id));
            });
  }

  @Test
  void theWordsAreTheCharactersInOrderAsBytes() {
    // written out by hand: 'c' 'l' 0xe9 '-' '1' then zeros; the second word holds nothing
    assertThat(IdWords.word("clé-1", 0)).isEqualTo(0x636c_e92d_3100_0000L);
    assertThat(IdWords.word("clé-1", 1)).isZero();
    assertThat(IdWords.word("0123456789abcdef", 1)).isEqualTo(0x3839_6162_6364_6566L);
  }

  @Test
  void anIdLongerThanSixteenCharactersOrBeyondLatin1DoesNotFitAndMatchesNoWords() {
    long w0 = IdWords.word("cust-1", 0);
    long w1 = IdWords.word("cust-1", 1);
    for (String id : List.of("0123456789abcdefg", "客户-1", "cust-\u01001", "c😀")) {
      assertThat(IdWords.fits(id)).as(id).isFalse();
      assertThat(IdWords.matches(w0, w1, id)).as(id).isFalse();
    }
    // a character past 0xff must not pass for the byte it ends in: U+0163 ends in 0x63, 'c'
    assertThat(IdWords.matches(w0, w1, "\u0163ust-1")).isFalse();
    // nor past the eighth character, where two characters built into a word could give the same
    // bits: 'h' (0x68) then U+016A make 0x696a, as 'i' (0x69) then 'j' (0x6a) do
    long v0 = IdWords.word("abcdefghij", 0);
    long v1 = IdWords.word("abcdefghij", 1);
    assertThat(IdWords.matches(v0, v1, "abcdefghij")).isTrue();
    assertThat(IdWords.matches(v0, v1, "abcdefghh\u016a")).isFalse();
  }

  @Test
  void statesTellTheirIdsApartAndOrderThemAsCustomerIdsDo() {
    qt().withExamples(2000)
        .forAll(ids(), ids())
        .checkAssert(
            (a, b) -> {
              CustomerId x = CustomerId.of(a);
              CustomerId y = CustomerId.of(b);
              CustomerState sx = new CustomerState(x, null);
              CustomerState sy = new CustomerState(y, null);
              assertThat(sx.id()).isEqualTo(x);
              assertThat(sx.hasId(x)).isTrue();
              assertThat(sx.hasId(y)).isEqualTo(a.equals(b));
              assertThat(sx.sameId(sy)).isEqualTo(a.equals(b));
              assertThat(CustomerTable.hash(sx)).isEqualTo(CustomerTable.hash(x));
              assertThat(Integer.signum(CustomerState.compareIds(sx, sy)))
                  .isEqualTo(Integer.signum(x.compareTo(y)));
            });
  }
}
