/**
 * Jackson support for clm: {@link io.clm.jackson.ClmJacksonModule} makes clm's public value types
 * serialisable and changes nothing about any other type or any setting of the application's
 * mapper.
 */
module io.clm.jackson {
  requires transitive io.clm.api;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.annotation;
  requires static com.google.auto.service;

  exports io.clm.jackson;

  provides com.fasterxml.jackson.databind.Module with
      io.clm.jackson.ClmJacksonModule;
}
