package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class ClmTopologyBuilderTest {
  private static ClmTopology.Builder complete() {
    return ClmTopology.builder()
        .engine(e -> e.model("banking-six-stage").currency("EUR"))
        .inputTopic("in")
        .stageChangeTopic("out")
        .deadLetterTopic("dead");
  }

  @Test
  void buildChecksThatEverythingRequiredIsSet() {
    assertThatThrownBy(() -> ClmTopology.builder().build()).hasMessage("engine is not set");
    assertThatThrownBy(() -> ClmTopology.builder().engine(e -> {}).build()).hasMessage("inputTopic is not set");
    assertThatThrownBy(() -> ClmTopology.builder().engine(e -> {}).inputTopic("a").build())
        .hasMessage("stageChangeTopic is not set");
    assertThatThrownBy(() -> ClmTopology.builder().engine(e -> {}).inputTopic("a").stageChangeTopic("b").build())
        .hasMessage("deadLetterTopic is not set");
    assertThatThrownBy(
            () -> ClmTopology.builder().engine(e -> {}).inputTopic("a").stageChangeTopic("b").deadLetterTopic("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("topics must differ: inputTopic a, stageChangeTopic b, deadLetterTopic a");
  }

  @Test
  void aNullDurationIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> ClmTopology.builder().punctuationInterval(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("punctuationInterval");
    assertThatThrownBy(() -> ClmTopology.builder().deduplicationWindow(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("deduplicationWindow");
  }

  @Test
  void settersCheckTheirArgumentAtOnceAndMayBeCalledOnce() {
    assertThatThrownBy(() -> ClmTopology.builder().inputTopic("no spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputTopic 'no spaces' is not a legal topic name");
    assertThatThrownBy(() -> ClmTopology.builder().deadLetterTopic(".."))
        .hasMessage("deadLetterTopic '..' is not a legal topic name");
    assertThatThrownBy(() -> ClmTopology.builder().punctuationInterval(Duration.ZERO))
        .hasMessage("punctuationInterval PT0S is not positive");
    assertThatThrownBy(() -> ClmTopology.builder().maxWokenPerPunctuation(-1))
        .hasMessage("maxWokenPerPunctuation -1 is less than 1");
    assertThatThrownBy(() -> ClmTopology.builder().inputTopic("a").inputTopic("b")).hasMessage("inputTopic was already set");
    assertThatThrownBy(() -> ClmTopology.builder().withoutPunctuation().punctuationInterval(Duration.ofMinutes(1)))
        .hasMessage("punctuationInterval was already set");
  }

  @Test
  void everySetterRefusesASecondCallNamingItsSetting() {
    assertThatThrownBy(() -> ClmTopology.builder().engine(e -> {}).engine(e -> {})).hasMessage("engine was already set");
    assertThatThrownBy(() -> ClmTopology.builder().stageChangeTopic("a").stageChangeTopic("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stageChangeTopic was already set");
    assertThatThrownBy(() -> ClmTopology.builder().deadLetterTopic("a").deadLetterTopic("b"))
        .hasMessage("deadLetterTopic was already set");
    assertThatThrownBy(() -> ClmTopology.builder().punctuationInterval(Duration.ofMinutes(1)).withoutPunctuation())
        .hasMessage("punctuationInterval was already set");
    assertThatThrownBy(() -> ClmTopology.builder().withoutPunctuation().withoutPunctuation())
        .hasMessage("punctuationInterval was already set");
    assertThatThrownBy(() -> ClmTopology.builder().deduplicationWindow(Duration.ofDays(35)).deduplicationWindow(Duration.ofDays(36)))
        .hasMessage("deduplicationWindow was already set");
    assertThatThrownBy(() -> ClmTopology.builder().clock(java.time.Clock.systemUTC()).clock(java.time.Clock.systemUTC()))
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> ClmTopology.builder().maxWokenPerPunctuation(1).maxWokenPerPunctuation(2))
        .hasMessage("maxWokenPerPunctuation was already set");
    assertThatThrownBy(() -> ClmTopology.builder().inMemoryStores().inMemoryStores())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("inMemoryStores was already set");
  }

  @Test
  void theDeadLettersAreTheMalformedTheInvalidAndTheRefusedRecords() {
    assertThat(new ProcessingCounts(100, 200, 300, 400, 1, 2, 4, 500, 600, 700, 800).deadLetters()).isEqualTo(7);
  }

  @Test
  void exactlyOnceIsTheDefaultAndAnExplicitGuaranteeIsKept() {
    Properties none = new Properties();
    assertThat(ClmTopology.withDefaults(none).get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    Properties atLeastOnce = new Properties();
    atLeastOnce.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    assertThat(ClmTopology.withDefaults(atLeastOnce).get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
  }

  @Test
  void theTopologyReadsOneTopicAndWritesTwoThroughOneProcessorWithThreeStores() {
    TopologyDescription description = complete().build().topology().describe();
    assertThat(description.subtopologies()).hasSize(1);
    TopologyDescription.Subtopology sub = description.subtopologies().iterator().next();
    assertThat(sub.nodes()).extracting(TopologyDescription.Node::name)
        .containsExactlyInAnyOrder("clm-events", "clm-lifecycle", "clm-stage-changes", "clm-dead-letters");
    TopologyDescription.Processor processor = (TopologyDescription.Processor) sub.nodes().stream()
        .filter(n -> n.name().equals("clm-lifecycle")).findFirst().orElseThrow();
    assertThat(processor.stores()).containsExactlyInAnyOrder("clm-customers", "clm-appended", "clm-due");
  }

  @Test
  void aDeadLetterTravelsInHeadersAndReadsBack() {
    DeadLetter letter = new DeadLetter(DeadLetter.Reason.INVALID, "amount -1.00 is negative", "in", 2, 41L);
    RecordHeaders headers = new RecordHeaders();
    letter.writeTo(headers);
    assertThat(DeadLetter.from(headers)).isEqualTo(letter);
    assertThatThrownBy(() -> DeadLetter.from(new RecordHeaders()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dead letter header clm.dead-letter.reason is missing");
  }

  private static ClmTopology.Builder withEngine(java.util.function.Consumer<io.clm.api.Clm.Builder> engine) {
    return ClmTopology.builder().engine(engine).inputTopic("in").stageChangeTopic("out").deadLetterTopic("dead");
  }

  @Test
  void buildRefusesEngineSettingsThatEveryTaskWouldRefuseNamingTheSetting() {
    assertThatThrownBy(() -> withEngine(e -> e.model("no-such-model").currency("EUR")).build())
        .isInstanceOf(io.clm.api.ClmException.class)
        .hasMessageContaining("no-such-model");
    assertThatThrownBy(() -> withEngine(e -> e.model("banking-six-stage")).build())
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> withEngine(e -> e.model("banking-six-stage").currency("EUR").clock(java.time.Clock.systemUTC())).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> withEngine(e -> e.model("banking-six-stage").currency("EURO")).build())
        .hasMessageContaining("EURO");
  }

  @Test
  void theIdMaskIsSetOnTheTopologyOnceAndNotInTheEngineSettings() {
    assertThatThrownBy(
            () -> withEngine(e -> e.model("banking-six-stage").currency("EUR").idMask(ErasureTest.MASK)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("idMask was already set");
    assertThatThrownBy(
            () -> withEngine(e -> e.model("banking-six-stage").currency("EUR").idMask(ErasureTest.MASK))
                .idMask(ErasureTest.MASK)
                .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("idMask was already set");
    assertThatThrownBy(() -> ClmTopology.builder().idMask(ErasureTest.MASK).idMask(ErasureTest.MASK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("idMask was already set");
    assertThatThrownBy(() -> ClmTopology.builder().idMask(null)).isInstanceOf(NullPointerException.class).hasMessage("idMask");
    assertThat(withEngine(e -> e.model("banking-six-stage").currency("EUR")).idMask(ErasureTest.MASK).build().idMask)
        .contains(ErasureTest.MASK);
  }
}
