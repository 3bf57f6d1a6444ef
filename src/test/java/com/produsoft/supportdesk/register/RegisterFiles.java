package com.produsoft.supportdesk.register;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CSV files of the register import as an accounting or CRM export gives them (docs/customer-register.md): per
 * series (two digits) their own VAT numbers, addresses, licence and contract numbers, so that tests sharing a
 * database do not meet. Three customers: Aalst (Dutch, Edgecam under contract since 2021), Namur (French, a Radan
 * licence without contract) and Leuven (English, VISI under contract since 2024).
 */
public final class RegisterFiles {

  private RegisterFiles() {
  }

  /** {@code BE04<series>00000<n>}: a VAT number of the Belgian form. */
  public static String vat(int series, int customer) {
    return "BE04%02d00000%d".formatted(series, customer);
  }

  public static String systemResponsible(int series) {
    return "jan.aerts@aalst" + series + ".example";
  }

  public static RegisterImport.Files threeCustomers(int series) {
    String s = "%02d".formatted(series);
    // Semicolons as Excel writes them in Belgium; the second VAT number as customers write it, quoted.
    String customers = """
        vat_number;company_name;street;postal_code;city;phone;language
        %1$s;Gieterij Aalst %4$s NV;Industrieweg 1;9300;Aalst;+32 53 11 11 11;NL
        "BE 04%4$s.000.002";"Fonderie de Namur %4$s SA";"Rue de l'Usine 5; bâtiment B";5000;Namur;;fr
        %3$s;Tooling Leuven %4$s BV;;3000;Leuven;;EN
        """.formatted(vat(series, 1), vat(series, 2), vat(series, 3), s);
    // Commas, as a CRM exports them; ISO days and Belgian days.
    String contacts = """
        vat_number,name,email,phone,role,trainings
        %1$s,Jan Aerts,%5$s,+32 475 11 11 11,SYSTEM_RESPONSIBLE,EDGECAM:2020-02-03
        %1$s,Els Bauwens,els.bauwens@aalst%4$s.example,,DEPUTY,EDGECAM:4/9/2022
        %1$s,Tim Claeys,tim.claeys@aalst%4$s.example,,OTHER,
        %2$s,Luc Dumont,Luc.Dumont@namur%4$s.example,,system_responsible,
        %3$s,Ann Peeters,ann.peeters@leuven%4$s.example,,SYSTEM_RESPONSIBLE,VISI:2019-05-06|WORKNC:2020-01-01
        """.formatted(vat(series, 1), vat(series, 2), vat(series, 3), s, systemResponsible(series));
    String licences = """
        vat_number;licence_number;product_code;host_id;dongle_number;purchase_date
        %1$s;EC-%4$s-1;EDGECAM;HOST-%4$s-A;;2021-03-15
        %1$s;EC-%4$s-2;edgecam;;DNG-%4$s-B;2021-03-15
        %2$s;RD-%4$s-1;RADAN;HOST-%4$s-C;;2020-06-01
        %3$s;VS-%4$s-1;VISI;HOST-%4$s-D;;2024-01-10
        """.formatted(vat(series, 1), vat(series, 2), vat(series, 3), s);
    String contracts = """
        vat_number;contract_number;first_year_start;licence_numbers
        %1$s;MC-%3$s-1;2021-03-15;EC-%3$s-1|EC-%3$s-2
        %2$s;MC-%3$s-3;2024-01-10;VS-%3$s-1
        """.formatted(vat(series, 1), vat(series, 3), s);
    return new RegisterImport.Files(customers, contacts, licences, contracts);
  }

  /**
   * A register of {@code count} customers as a large export: each with a system responsible and a deputy trained on
   * Edgecam, a licence on a host and a running contract (the benchmark of docs/customer-register.md).
   */
  public static RegisterImport.Files many(int count) {
    String customers = "vat_number;company_name;street;postal_code;city;phone;language\n" + IntStream.range(0, count)
        .mapToObj(i -> "BE1%09d;Klant %d BV;Kerkstraat %d;9000;Gent;+32 9 %06d;NL".formatted(i, i, i % 200 + 1, i))
        .collect(Collectors.joining("\n"));
    String contacts = "vat_number;name;email;role;trainings\n" + IntStream.range(0, count)
        .mapToObj(i -> ("BE1%09d;Contact %d A;a%d@klant%d.example;SYSTEM_RESPONSIBLE;EDGECAM:2020-01-15\n"
            + "BE1%09d;Contact %d B;b%d@klant%d.example;DEPUTY;EDGECAM:2021-02-20").formatted(i, i, i, i, i, i, i, i))
        .collect(Collectors.joining("\n"));
    String licences = "vat_number;licence_number;product_code;host_id;purchase_date\n" + IntStream.range(0, count)
        .mapToObj(i -> "BE1%09d;EC-B%d;EDGECAM;HOST-B%d;2021-03-15".formatted(i, i, i))
        .collect(Collectors.joining("\n"));
    String contracts = "vat_number;contract_number;first_year_start;licence_numbers\n" + IntStream.range(0, count)
        .mapToObj(i -> "BE1%09d;MC-B-%d;2021-03-15;EC-B%d".formatted(i, i, i))
        .collect(Collectors.joining("\n"));
    return new RegisterImport.Files(customers, contacts, licences, contracts);
  }
}
