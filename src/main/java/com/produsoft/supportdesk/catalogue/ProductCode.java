package com.produsoft.supportdesk.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The code of a product of the {@link Catalogue} ({@code EDGECAM}), exactly as written; null passes (pair with
 * {@code @NotBlank}). The accepted values are the catalogue's rows, so a new product is accepted without a change
 * here (issue 19).
 */
@Documented
@Constraint(validatedBy = ProductCodeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProductCode {

  /** Replaced by the validator with the accepted codes, as the answer names them. */
  String message() default "must be one of the catalogue's products";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
