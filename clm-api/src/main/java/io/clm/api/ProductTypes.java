package io.clm.api;

import io.clm.api.event.ProductType;

/** The product types, once: {@code ProductType.values()} copies its array on every call. */
final class ProductTypes {
  static final ProductType[] ALL = ProductType.values();

  private ProductTypes() {}
}
