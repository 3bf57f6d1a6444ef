package com.produsoft.supportdesk.alert;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;

/**
 * The staff's own alert settings: which alert mails they get and in which language. The page uses the login of the
 * Camunda webapps (SecurityConfig's staff chain: the Tasklist session, the form guarded by a CSRF token); each user
 * sees and changes only their own settings. It speaks the browser's language, as Tasklist does (Dutch unless it
 * asks English).
 */
@Controller
class StaffPreferencesController {

  static final String PATH = "/staff/preferences";
  static final String SIGN_IN = "/staff/sign-in";

  private final AlertPreferenceRepository preferences;
  private final IdentityService identityService;

  StaffPreferencesController(AlertPreferenceRepository preferences, IdentityService identityService) {
    this.preferences = preferences;
    this.identityService = identityService;
  }

  @GetMapping(PATH)
  String show(Authentication login, Model model) {
    User user = identityService.createUserQuery().userId(login.getName()).singleResult();
    model.addAttribute("user", user);
    model.addAttribute("preferences", PreferencesForm.of(preferences.of(login.getName())));
    return "staff/preferences";
  }

  /** A language other than NL or EN is refused (400) and changes nothing. */
  @PostMapping(PATH)
  String save(Authentication login, @ModelAttribute PreferencesForm form) {
    Language language = form.getLanguage() == null ? Language.NL : form.getLanguage();
    if (language != language.written()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Alert mails are written in NL or EN");
    }
    AlertPreference preference = preferences.of(login.getName());
    preference.choose(form.isNewP1(), form.isCustomerNews(), form.isSlaWarning(), form.isSlaBreach(), language,
        EngineClock.now());
    preferences.save(preference);
    return "redirect:" + PATH + "?saved";
  }

  /** Where the page sends a browser without a webapp login: log into Tasklist first, then come back. */
  @GetMapping(SIGN_IN)
  String signIn() {
    return "staff/sign-in";
  }
}
