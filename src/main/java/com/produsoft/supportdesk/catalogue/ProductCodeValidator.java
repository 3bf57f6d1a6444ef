package com.produsoft.supportdesk.catalogue;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ProductCode} against the catalogue; built by Spring's validator factory, which injects it. */
class ProductCodeValidator implements ConstraintValidator<ProductCode, String> {

  private final Catalogue catalogue;

  ProductCodeValidator(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public boolean isValid(String code, ConstraintValidatorContext context) {
    if (code == null || catalogue.isProduct(code)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    // Named in the answer, as the fixed list was: a client sees what it may send.
    String text = "must be one of " + String.join("|", catalogue.codes());
    context.buildConstraintViolationWithTemplate(text.replaceAll("([\\\\{}$])", "\\\\$1"))
        .addConstraintViolation();
    return false;
  }
}
