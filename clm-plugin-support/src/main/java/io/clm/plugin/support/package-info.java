/**
 * Base classes for plugins: {@link io.clm.plugin.support.Parameter} (a named parameter with a
 * default and a range), {@link io.clm.plugin.support.BaseScheme} with its {@link
 * io.clm.plugin.support.Rules} (a segmentation scheme: configuration, fitting, one segmenter for a
 * customer and for a population), {@link io.clm.plugin.support.BaseModelProvider} (a lifecycle
 * model with checked parameters) and {@link io.clm.plugin.support.BaseRegulatoryProfile} (a
 * complaint workflow whose deadlines come from a regulator's rule). clm's built-in schemes, models
 * and regulatory profiles extend these classes.
 */
package io.clm.plugin.support;
