package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerIdMaskTest {
  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  @Test
  void masksAreHmacSha256UnderTheKeyWithSeparateLabels() {
    // Expected values computed independently: Python's hmac module, key bytes 0..31,
    // message "clm-mask\0" or "clm-erased\0" followed by the id's UTF-8 bytes.
    CustomerIdMask mask = CustomerIdMask.withKey(KEY);
    assertThat(mask.mask(CustomerId.of("C-1001"))).isEqualTo("#20d0831cc975246ca7490f3978cf5906");
    assertThat(mask.tombstone(CustomerId.of("C-1001")))
        .isEqualTo("3e340c51674eff1a9e12a0e4803e9e934994d57db1f4e9e3e60c06f7de8b26c8");
    assertThat(mask.mask(CustomerId.of("Zoë-\ud83d\ude00"))).isEqualTo("#5968094bc3f0008b68e7a76572f74174");
  }

  @Test
  void keyCheckIsHmacSha256OfItsOwnLabelAndTellsKeysApart() {
    // Expected values computed independently: Python's hmac module, message "clm-key-check\0",
    // first eight bytes; key bytes 0..31, then the same key with its first bit flipped.
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThat(CustomerIdMask.withKey(KEY).keyCheck()).isEqualTo(0x4f263db1bd4963afL);
    assertThat(CustomerIdMask.withKey(other).keyCheck()).isEqualTo(0xc67de166001b26c4L);
  }

  @Test
  void withoutTheKeyTheMaskCannotBeReproduced() {
    CustomerId id = CustomerId.of("C-1001");
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThat(CustomerIdMask.withKey(other).mask(id)).isNotEqualTo(CustomerIdMask.withKey(KEY).mask(id));
    assertThat(CustomerIdMask.random().mask(id)).isNotEqualTo(CustomerIdMask.random().mask(id));
    assertThat(CustomerIdMask.process().mask(id)).isEqualTo(id.masked()).isEqualTo(CustomerIdMask.process().mask(id));
  }

  @Test
  void theKeyIsCopiedAndNeverShown() {
    byte[] key = KEY.clone();
    CustomerIdMask mask = CustomerIdMask.withKey(key);
    String before = mask.mask(CustomerId.of("C-1"));
    key[5] = 99;
    assertThat(mask.mask(CustomerId.of("C-1"))).isEqualTo(before);
    assertThat(mask.toString()).isEqualTo("CustomerIdMask[HMAC-SHA256, key hidden]");
  }

  @Test
  void weakKeysAreRefused() {
    assertThatThrownBy(() -> CustomerIdMask.withKey(new byte[31]))
        .isInstanceOf(ValidationException.class)
        .hasMessage("mask key has 31 bytes, fewer than 32");
    assertThatThrownBy(() -> CustomerIdMask.withKey(new byte[64]))
        .isInstanceOf(ValidationException.class)
        .hasMessage("mask key has 64 equal bytes; use a random secret");
    assertThatThrownBy(() -> CustomerIdMask.withKey(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void idsOfABanksUsualShapeGetDistinctMasks() {
    CustomerIdMask mask = CustomerIdMask.withKey(KEY);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      assertThat(seen.add(mask.mask(CustomerId.of(String.format("%08d", i))))).isTrue();
    }
  }

  @Test
  void theBuilderTakesOneMask() {
    Clm.Builder b = Clm.builder().idMask(CustomerIdMask.withKey(KEY));
    assertThatThrownBy(() -> b.idMask(CustomerIdMask.random()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("idMask was already set");
    assertThatThrownBy(() -> Clm.builder().idMask(null)).isInstanceOf(NullPointerException.class);
  }
}
