/**
 * Base classes for clm plugins, the same ones clm's built-in plugins extend: {@link
 * io.clm.plugin.support.Parameter}, {@link io.clm.plugin.support.BaseScheme}, {@link
 * io.clm.plugin.support.BaseModelProvider} and {@link io.clm.plugin.support.BaseRegulatoryProfile}. Depends on clm-api
 * only.
 */
module io.clm.plugin.support {
  requires transitive io.clm.api;

  exports io.clm.plugin.support;
}
