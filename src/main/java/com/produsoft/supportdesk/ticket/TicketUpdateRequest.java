package com.produsoft.supportdesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** C8.1: new information from the customer between registration and handling. */
public record TicketUpdateRequest(
    @NotBlank @Pattern(regexp = "MORE_FREQUENT|CRITICAL|SOLVED_BY_CUSTOMER|INFO",
        message = "must be one of MORE_FREQUENT|CRITICAL|SOLVED_BY_CUSTOMER|INFO") String type,
    @NotBlank @Size(max = 20_000) @Pattern(regexp = TicketRegistration.TEXT,
        message = TicketRegistration.NO_CONTROLS) String message) {
}
