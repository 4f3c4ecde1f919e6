/**
 * Spring Boot auto-configuration for clm: a {@link io.clm.api.LifecycleEngine} and the plugin
 * registry from the {@code clm.*} properties ({@link io.clm.spring.boot.autoconfigure.ClmProperties}),
 * the engine's state in the application's {@code DataSource}, a complaint desk, clm's Jackson module
 * on the application's {@code ObjectMapper}, Micrometer meters and observations, Actuator health and
 * info, and the clocks advanced on a schedule. Every bean backs off when the application defines its
 * own. Add {@code io.clm:clm-spring-boot-starter} rather than this module; see docs/integration.md.
 */
package io.clm.spring.boot.autoconfigure;
