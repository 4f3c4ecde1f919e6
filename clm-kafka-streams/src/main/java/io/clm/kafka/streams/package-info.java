/**
 * clm on Kafka Streams. Build a topology with {@link io.clm.kafka.streams.ClmTopology#builder()},
 * start it with {@link io.clm.kafka.streams.ClmTopology#newKafkaStreams(java.util.Properties)}
 * (exactly-once by default), read stage changes from the output topic with {@link
 * io.clm.kafka.streams.ClmSerdes}, dead letters with {@link io.clm.kafka.streams.DeadLetter}, and
 * look customers up with {@link io.clm.kafka.streams.CustomerQueries}.
 */
package io.clm.kafka.streams;
