/**
 * Base classes for clm plugins, the same ones clm's built-in plugins extend: {@link
 * io.clm.plugin.support.Parameter} and {@link io.clm.plugin.support.BaseScheme}. Depends on clm-api
 * only.
 */
module io.clm.plugin.support {
  requires transitive io.clm.api;

  exports io.clm.plugin.support;
}
