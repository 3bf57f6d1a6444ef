package com.produsoft.supportdesk.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The register import's pages (issue 18, docs/customer-register.md): upload the CSV files, see the dry run's
 * problems per file and line (or what would be created and changed), then apply them in one transaction. The
 * upload is kept, so that the check and the apply read the same files, and an upload is applied at most once.
 */
@Controller
@RequestMapping(RegisterImportController.PATH)
class RegisterImportController {

  static final String PATH = CustomerRegisterController.PATH + "/import";

  private final RegisterImport registerImport;
  private final RegisterUploadRepository uploads;

  RegisterImportController(RegisterImport registerImport, RegisterUploadRepository uploads) {
    this.registerImport = registerImport;
    this.uploads = uploads;
  }

  @GetMapping
  String form() {
    return "staff/register-import";
  }

  @PostMapping
  String upload(@RequestParam(required = false) MultipartFile customers,
      @RequestParam(required = false) MultipartFile contacts, @RequestParam(required = false) MultipartFile licences,
      @RequestParam(required = false) MultipartFile contracts, Authentication login, Model model) {
    RegisterImport.Files files = new RegisterImport.Files(text(customers), text(contacts), text(licences),
        text(contracts));
    if (files.customers() == null && files.contacts() == null && files.licences() == null
        && files.contracts() == null) {
      model.addAttribute("noFiles", true);
      return form();
    }
    RegisterUpload upload = uploads.save(new RegisterUpload(login.getName(), EngineClock.now(), files));
    return "redirect:" + PATH + "/" + upload.getId();
  }

  /** The upload: the dry run's outcome while it is not applied, the apply's summary once it is. */
  @GetMapping("/{uploadId}")
  String show(@PathVariable Long uploadId, Model model) {
    RegisterUpload upload = uploads.findById(uploadId)
        .orElseThrow(() -> new RegisterEntryNotFoundException("import " + uploadId));
    model.addAttribute("upload", upload);
    if (!upload.isApplied()) {
      model.addAttribute("outcome", registerImport.check(uploadId));
    }
    return "staff/register-import-result";
  }

  /** Applies the upload; with a problem (the register changed since the check) the page shows them, nothing stored. */
  @PostMapping("/{uploadId}/apply")
  String apply(@PathVariable Long uploadId, Authentication login, Model model) {
    return registerImport.apply(uploadId, login.getName())
        .filter(outcome -> !outcome.applied())
        .map(refused -> {
          model.addAttribute("upload", uploads.findById(uploadId).orElseThrow());
          model.addAttribute("outcome", refused);
          return "staff/register-import-result";
        })
        .orElse("redirect:" + PATH + "/" + uploadId + "?applied");
  }

  private static String text(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return new String(file.getBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
