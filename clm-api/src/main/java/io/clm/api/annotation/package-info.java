/**
 * The stability marks of clm's public API: {@link io.clm.api.annotation.Stable}, {@link
 * io.clm.api.annotation.Experimental} and {@link io.clm.api.annotation.Internal}. Every public type
 * of an exported package carries exactly one.
 */
package io.clm.api.annotation;
