package com.produsoft.supportdesk.licence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.produsoft.supportdesk.platform.MySqlDatabase;

/**
 * C10.3 on the production database: the same proofs as {@link LicenceBindingTest} on MySQL or MariaDB (row locks
 * of InnoDB, the unique {@code active_licence_id} with many NULLs). Skipped without a server, see
 * {@link MySqlDatabase}.
 */
@ActiveProfiles("mysql")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class LicenceBindingMySqlTest extends LicenceBindingTest {

  private static MySqlDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = MySqlDatabase.createFresh("licence_binding");
  }

  @DynamicPropertySource
  static void useDatabase(DynamicPropertyRegistry registry) {
    for (String property : new String[] {"url", "username", "password"}) {
      registry.add("spring.datasource." + property, () -> argument(property));
    }
  }

  private static String argument(String property) {
    String prefix = "--spring.datasource." + property + "=";
    for (String argument : database.springArguments()) {
      if (argument.startsWith(prefix)) {
        return argument.substring(prefix.length());
      }
    }
    throw new IllegalStateException("No " + prefix);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
