/**
 * Jackson support for clm's public value types: register {@link io.clm.jackson.ClmJacksonModule}
 * on an {@code ObjectMapper}, or let {@code findAndRegisterModules()} find it.
 */
package io.clm.jackson;
