/**
 * Runs clm's lifecycle engine on Kafka Streams: events keyed by customer id, one engine per stream
 * task over changelogged key-value stores, exactly-once processing, time-driven rules by
 * punctuation over a due-time index, a dead-letter topic for input that cannot be applied, and
 * interactive queries of one customer from any instance.
 */
module io.clm.kafka.streams {
  requires transitive io.clm.api;
  requires io.clm.core;
  requires io.clm.jackson;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires kafka.streams;
  requires kafka.clients;
  requires jdk.httpserver;
  requires java.net.http;
  requires org.slf4j;

  exports io.clm.kafka.streams;
}
