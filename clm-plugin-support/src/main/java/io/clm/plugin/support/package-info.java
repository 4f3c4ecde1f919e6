/**
 * Base classes for plugins: {@link io.clm.plugin.support.Parameter} (a named parameter with a
 * default and a range), {@link io.clm.plugin.support.BaseScheme} with its {@link
 * io.clm.plugin.support.Rules} (a segmentation scheme: configuration, fitting, one segmenter for a
 * customer and for a population). clm's built-in schemes extend these classes.
 */
package io.clm.plugin.support;
