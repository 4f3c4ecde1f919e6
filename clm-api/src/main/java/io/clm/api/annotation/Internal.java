package io.clm.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Internal API: public for clm's own modules only (the bridge between the API and the engine, for
 * example). Not for applications or plugins; it may change in any release.
 *
 * <p>clm marks every public type of an exported package with exactly one of {@link Stable}, {@link
 * Experimental} and {@link Internal}; a nested type has its enclosing type's stability unless it
 * carries its own. The marks are shown in the javadoc, and the API compatibility check (the build's
 * {@code api-compat} profile) skips {@link Experimental} and {@link Internal} types.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
@Stable
public @interface Internal {}
