package com.produsoft.supportdesk.alert;

import com.produsoft.supportdesk.customer.Language;

/**
 * The preferences page's fields: one box per alert and the language of the mails. A box left unchecked is not
 * sent by the browser; Spring's "_field" marker that th:field adds turns it into false.
 */
public class PreferencesForm {

  private boolean newP1;
  private boolean customerNews;
  private boolean slaWarning;
  private boolean slaBreach;
  private Language language = Language.NL;

  static PreferencesForm of(AlertPreference preference) {
    PreferencesForm form = new PreferencesForm();
    form.newP1 = preference.isNewP1();
    form.customerNews = preference.isCustomerNews();
    form.slaWarning = preference.isSlaWarning();
    form.slaBreach = preference.isSlaBreach();
    form.language = preference.getLanguage();
    return form;
  }

  public boolean isNewP1() {
    return newP1;
  }

  public void setNewP1(boolean newP1) {
    this.newP1 = newP1;
  }

  public boolean isCustomerNews() {
    return customerNews;
  }

  public void setCustomerNews(boolean customerNews) {
    this.customerNews = customerNews;
  }

  public boolean isSlaWarning() {
    return slaWarning;
  }

  public void setSlaWarning(boolean slaWarning) {
    this.slaWarning = slaWarning;
  }

  public boolean isSlaBreach() {
    return slaBreach;
  }

  public void setSlaBreach(boolean slaBreach) {
    this.slaBreach = slaBreach;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
