package com.produsoft.supportdesk.ticket;

import java.util.List;

import com.produsoft.supportdesk.catalogue.ProductCode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A registration as the customer gives it: the C4 items, the product, the category (C7) and the urgency.
 * Enumerated values are checked as text so that every bad field is named in one answer.
 */
@Schema(description = "A support registration (charter C4, C5, C7)")
public record TicketRegistration(
    @Schema(description = "C4.1 company name", example = "Metaalwerken Vandamme")
    @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String companyName,
    @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String contactName,
    @NotBlank @Email @Size(max = 254) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String email,
    @Schema(description = "C4.2 a phone number to call back", example = "+32 50 12 34 56")
    @NotBlank @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
    @Schema(example = "EDGECAM")
    @NotBlank @ProductCode String product,
    @Schema(description = "C7 support, bug or suggestion", example = "BUG")
    @NotBlank @Pattern(regexp = CATEGORIES, message = "must be one of " + CATEGORIES) String category,
    @Schema(description = "C4.4 a clear, concise description of the problem")
    @NotBlank @Size(max = 20_000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String description,
    @Schema(description = "C4.5 how the problem arose or can be reproduced")
    @Size(max = 20_000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String reproduction,
    @Schema(description = "C4.6 third-party software involved, with its version")
    @Size(max = 500) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String thirdPartySoftware,
    @Schema(description = "C4.8 operating system and version, including patches")
    @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String operatingSystem,
    @Schema(description = "C4.3 EON call numbers of earlier or similar problems")
    @Size(max = 20) List<@NotNull @Pattern(regexp = EON_NUMBER, message = "must look like EON-2026-00042") String> earlierCallNumbers,
    @Schema(description = "How much the problem affects the customer's operations")
    @Size(max = 2_000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String impact,
    @Schema(description = "C5.3 machines stand still, the customer cannot go on")
    @NotNull Boolean productionStopped,
    @Pattern(regexp = LANGUAGES, message = "must be nl or en") String language) {

  static final String CATEGORIES = "SUPPORT|BUG|SUGGESTION";
  static final String LANGUAGES = "nl|en";
  static final String PHONE = "[+0-9 ()./-]{6,40}";
  public static final String EON_NUMBER = "EON-\\d{4}-\\d{5,}";
  /**
   * Text on one line: no control characters (NUL, line breaks, escape...) and no half of a surrogate pair, which
   * MySQL's utf8mb4 cannot store. Character classes only, so that 20 000 characters never recurse.
   */
  public static final String ONE_LINE = "[^\\p{Cc}\\p{Cs}]*";
  /** Text of several lines: tabs and line breaks too. */
  public static final String TEXT = "[\\t\\n\\r[^\\p{Cc}\\p{Cs}]]*";
  public static final String NO_CONTROLS = "must not contain control characters";

  public List<String> earlierCallNumbersOrEmpty() {
    return earlierCallNumbers == null ? List.of() : earlierCallNumbers;
  }
}
