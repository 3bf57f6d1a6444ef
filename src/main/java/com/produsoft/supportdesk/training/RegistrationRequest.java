package com.produsoft.supportdesk.training;

import com.produsoft.supportdesk.customer.Language;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A company registers some persons for a session, from the web page or the API.
 *
 * @param email the registrant's address; a contact of the register makes the customer (and its contract) known
 * @param language of the confirmation; {@code null}: the customer's, else Dutch
 */
public record RegistrationRequest(
    @NotBlank @Size(max = 200) String companyName,
    @NotBlank @Size(max = 200) String contactName,
    @NotBlank @Email @Size(max = 254) String email,
    @Min(1) @Max(50) int persons,
    Language language) {
}
