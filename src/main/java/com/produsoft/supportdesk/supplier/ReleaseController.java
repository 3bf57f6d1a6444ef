package com.produsoft.supportdesk.supplier;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.produsoft.supportdesk.catalogue.Catalogue;

/** C3.2: the administration registers a product release; the same ProductReleaseProcess as Tasklist's start form. */
@RestController
@RequestMapping("/api/releases")
@Tag(name = "Releases", description = "Product releases that ship supplier fixes and wishes (charter C3.2, C7)")
public class ReleaseController {

  private final RuntimeService runtimeService;
  private final Catalogue catalogue;
  private final ProductReleaseRepository releases;

  public ReleaseController(RuntimeService runtimeService, Catalogue catalogue,
      ProductReleaseRepository releases) {
    this.runtimeService = runtimeService;
    this.catalogue = catalogue;
    this.releases = releases;
  }

  /**
   * @param supplierBugIds the supplier bugs fixed, besides those the supplier planned for this version
   * @param wishIds the wishes included, besides those planned for this version
   */
  public record ReleaseRegistration(@NotBlank String product, @NotBlank @Size(max = 50) String version,
      @NotNull LocalDate date,
      List<Long> supplierBugIds, List<Long> wishIds) {
  }

  public record RegisteredRelease(long id, String product, String version, LocalDate date, List<Long> fixedBugIds,
      List<Long> releasedWishIds, int customersToNotifyOfWishes) {
  }

  @PostMapping
  @Operation(summary = "Register a product release (administration): waiting customers are told",
      security = @SecurityRequirement(name = "basic"))
  public ResponseEntity<RegisteredRelease> register(@Valid @RequestBody ReleaseRegistration registration,
      Authentication caller) {
    if (catalogue.product(registration.product()).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown product " + registration.product());
    }
    if (releases.findByProductCodeAndVersion(registration.product(), registration.version().strip()).isPresent()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "This release is registered already");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("product", registration.product());
    variables.put("version", registration.version().strip());
    variables.put("releaseDate", registration.date().toString());
    variables.put("supplierBugIds", Objects.requireNonNullElse(registration.supplierBugIds(), List.of()));
    variables.put("wishIds", Objects.requireNonNullElse(registration.wishIds(), List.of()));
    variables.put("registeredBy", caller.getName());
    VariableMap result;
    try {
      result = runtimeService.createProcessInstanceByKey(ProductReleases.PROCESS_KEY)
          .businessKey(registration.product() + " " + registration.version().strip())
          .setVariables(variables)
          .executeWithVariablesInReturn()
          .getVariables();
    } catch (IllegalArgumentException wrongIds) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, wrongIds.getMessage());
    }
    long id = ((Number) result.get("releaseId")).longValue();
    RegisteredRelease body = new RegisteredRelease(id, registration.product(), registration.version().strip(),
        registration.date(), ids(result.get("fixedBugIds")), ids(result.get("releasedWishIds")),
        ids(result.get("wishBackerIds")).size());
    return ResponseEntity.created(URI.create("/api/releases/" + id)).body(body);
  }

  private static List<Long> ids(Object value) {
    return ProductReleaseDelegates.ids(value);
  }
}
