/**
 * Example clm plugins, written as an outside vendor writes them: against clm-api only, registered
 * with {@code @AutoService} for the class path and with {@code provides} for the module path.
 */
module com.example.clm {
  requires io.clm.api;
  requires static com.google.auto.service;

  provides io.clm.api.model.LifecycleModelProvider with
      com.example.clm.cards.CreditCardLifecycle;
}
