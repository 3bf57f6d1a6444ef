package com.produsoft.supportdesk.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The outcome of the TrainingPrice decision (processes/training-price.dmn), in EUR excluding VAT and travel. */
public record TrainingPrice(BigDecimal pricePerDay, BigDecimal totalPrice) {

  static TrainingPrice of(Map<String, Object> result) {
    return new TrainingPrice(euros(result.get("pricePerDay")), euros(result.get("totalPrice")));
  }

  private static BigDecimal euros(Object amount) {
    return new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
  }
}
