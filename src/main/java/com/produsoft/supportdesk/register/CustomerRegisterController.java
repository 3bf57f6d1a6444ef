package com.produsoft.supportdesk.register;

import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.produsoft.supportdesk.customer.Contact;
import com.produsoft.supportdesk.customer.ContactRole;
import com.produsoft.supportdesk.customer.Language;
import com.produsoft.supportdesk.platform.EngineClock;
import com.produsoft.supportdesk.platform.security.Roles;

/**
 * The customer register's pages for the staff (issue 18): the list, a customer's page with its contacts (C2.1),
 * licences and their hardware history (C10.3) and contracts (C1), and a contact's page with its trainings (C2.2).
 * Administration and leads change the register, engineers read it (SecurityConfig's staff chain, the Tasklist
 * session, forms with a CSRF token). A refused change shows the page again with the problems at their fields; a
 * form opened before someone else saved is refused with what they changed, and keeps what was typed.
 */
@Controller
@RequestMapping(CustomerRegisterController.PATH)
class CustomerRegisterController {

  static final String PATH = "/staff/customers";

  private static final Set<String> EDITORS = Set.copyOf(Roles.REGISTER_EDITORS.stream().map(Roles::authority).toList());

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CustomerRegister register;

  CustomerRegisterController(CustomerRegister register) {
    this.register = register;
  }

  /** Whether the signed-in user may change the register (the pages show forms only to them). */
  static boolean canEdit(Authentication login) {
    return login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(EDITORS::contains);
  }

  @GetMapping
  String list(@RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "page", defaultValue = "0") int page, Authentication login, Model model) {
    model.addAttribute("customers", register.list(query, page));
    model.addAttribute("query", query);
    model.addAttribute("canEdit", canEdit(login));
    return "staff/customers";
  }

  @GetMapping("/new")
  String newCustomer(Model model) {
    if (!model.containsAttribute("customerForm")) {
      model.addAttribute("customerForm", new CustomerForm());
    }
    model.addAttribute("languages", Language.values());
    return "staff/customer-new";
  }

  @PostMapping
  String create(@ModelAttribute CustomerForm customerForm, BindingResult errors, Authentication login, Model model) {
    return attempt(errors,
        () -> "redirect:" + PATH + "/" + register.create(customerForm.data(), login.getName()).getId() + "?saved",
        () -> newCustomer(model));
  }

  @GetMapping("/{id}")
  String show(@PathVariable Long id, Authentication login, Model model) {
    CustomerView customer = register.view(id);
    model.addAttribute("customer", customer);
    model.addAttribute("canEdit", canEdit(login));
    model.addAttribute("languages", Language.values());
    model.addAttribute("roles", ContactRole.values());
    model.addAttribute("products", register.productCodes());
    if (!model.containsAttribute("customerForm")) {
      model.addAttribute("customerForm", CustomerForm.of(customer.data(), customer.version()));
    }
    if (!model.containsAttribute("contactForm")) {
      model.addAttribute("contactForm", new ContactForm());
    }
    if (!model.containsAttribute("licenceForm")) {
      model.addAttribute("licenceForm", new LicenceForm());
    }
    if (!model.containsAttribute("contractForm")) {
      model.addAttribute("contractForm", new ContractForm());
    }
    return "staff/customer";
  }

  @PostMapping("/{id}")
  String change(@PathVariable Long id, @ModelAttribute CustomerForm customerForm, BindingResult errors,
      Authentication login, Model model) {
    return attempt(errors, () -> {
      register.change(id, customerForm.getVersion(), customerForm.data(), login.getName());
      return "redirect:" + PATH + "/" + id + "?saved";
    }, () -> {
      customerForm.setVersion(register.view(id).version());
      return show(id, login, model);
    });
  }

  @PostMapping("/{id}/contacts")
  String addContact(@PathVariable Long id, @ModelAttribute ContactForm contactForm, BindingResult errors,
      Authentication login, Model model) {
    return attempt(errors, () -> {
      register.addContact(id, contactForm.data(), login.getName());
      return "redirect:" + PATH + "/" + id + "?saved#contacts";
    }, () -> show(id, login, model));
  }

  @PostMapping("/{id}/licences")
  String addLicence(@PathVariable Long id, @ModelAttribute LicenceForm licenceForm, BindingResult errors,
      Authentication login, Model model) {
    return attempt(errors, () -> {
      register.addLicence(id, licenceForm.data(), login.getName());
      return "redirect:" + PATH + "/" + id + "?saved#licences";
    }, () -> show(id, login, model));
  }

  @PostMapping("/{id}/contracts")
  String addContract(@PathVariable Long id, @ModelAttribute ContractForm contractForm, BindingResult errors,
      Authentication login, Model model) {
    return attempt(errors, () -> {
      register.addContract(id, contractForm.data(), login.getName());
      return "redirect:" + PATH + "/" + id + "?saved#contracts";
    }, () -> show(id, login, model));
  }

  @GetMapping("/{id}/contacts/{contactId}")
  String contact(@PathVariable Long id, @PathVariable Long contactId, Authentication login, Model model) {
    Contact contact = register.contactOf(id, contactId);
    model.addAttribute("customer", register.view(id));
    model.addAttribute("contact", CustomerView.ContactRow.of(contact));
    model.addAttribute("contactVersion", contact.getVersion());
    model.addAttribute("canEdit", canEdit(login));
    model.addAttribute("roles", ContactRole.values());
    model.addAttribute("products", register.productCodes());
    if (!model.containsAttribute("contactForm")) {
      model.addAttribute("contactForm", ContactForm.of(contact.data(), contact.getVersion()));
    }
    if (!model.containsAttribute("trainingForm")) {
      TrainingForm training = new TrainingForm();
      training.setVersion(contact.getVersion());
      model.addAttribute("trainingForm", training);
    }
    return "staff/contact";
  }

  @PostMapping("/{id}/contacts/{contactId}")
  String changeContact(@PathVariable Long id, @PathVariable Long contactId, @ModelAttribute ContactForm contactForm,
      BindingResult errors, Authentication login, Model model) {
    return attempt(errors, () -> {
      register.changeContact(id, contactId, contactForm.getVersion(), contactForm.data(), login.getName());
      return contactPage(id, contactId);
    }, () -> {
      contactForm.setVersion(register.contactOf(id, contactId).getVersion());
      return contact(id, contactId, login, model);
    });
  }

  @PostMapping("/{id}/contacts/{contactId}/trainings")
  String recordTraining(@PathVariable Long id, @PathVariable Long contactId,
      @ModelAttribute TrainingForm trainingForm, BindingResult errors, Authentication login, Model model) {
    return attempt(errors, () -> {
      register.recordTraining(id, contactId, trainingForm.getVersion(), trainingForm.getProductCode(),
          trainingForm.getTrainedOn(), login.getName());
      return contactPage(id, contactId);
    }, () -> {
      trainingForm.setVersion(register.contactOf(id, contactId).getVersion());
      return contact(id, contactId, login, model);
    });
  }

  /** A training recorded by mistake; the form carries the contact's version in the training form's field. */
  @PostMapping("/{id}/contacts/{contactId}/trainings/{productCode}/remove")
  String forgetTraining(@PathVariable Long id, @PathVariable Long contactId, @PathVariable String productCode,
      @ModelAttribute TrainingForm trainingForm, BindingResult errors, Authentication login, Model model) {
    return attempt(errors, () -> {
      register.forgetTraining(id, contactId, trainingForm.getVersion(), productCode, login.getName());
      return contactPage(id, contactId);
    }, () -> {
      trainingForm.setVersion(register.contactOf(id, contactId).getVersion());
      return contact(id, contactId, login, model);
    });
  }

  private static String contactPage(Long id, Long contactId) {
    return "redirect:" + PATH + "/" + id + "/contacts/" + contactId + "?saved";
  }

  /**
   * Runs the change and answers where to go next; on a refusal, puts the problems on the form and shows the page
   * again with what was typed.
   */
  static String attempt(BindingResult errors, Supplier<String> change, Supplier<String> again) {
    if (errors.hasErrors()) {
      return again.get();
    }
    try {
      return change.get();
    } catch (RegisterRefusedException refused) {
      for (Problem problem : refused.getProblems()) {
        errors.rejectValue(problem.field(), problem.code(), problem.arguments().toArray(), problem.code());
      }
    } catch (StaleEditException stale) {
      RegisterChange latest = stale.getLatest();
      if (latest == null) {
        errors.reject("register.error.staleUnknown");
      } else {
        errors.reject("register.error.stale", new Object[] {latest.getChangedBy(),
            WHEN.format(latest.getChangedAt().atZone(EngineClock.BRUSSELS)), latest.getDescription()},
            "register.error.stale");
      }
    } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException race) {
      // Someone saved the same entry (or took the same number) between our check and our commit.
      errors.reject("register.error.staleUnknown");
    }
    return again.get();
  }
}
