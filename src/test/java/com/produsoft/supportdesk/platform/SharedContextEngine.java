package com.produsoft.supportdesk.platform;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Lets test classes share Spring contexts in one JVM (surefire reuses its forks; Spring caches a context per
 * configuration). Camunda keeps three kinds of state in statics, which one context's start overwrites and any
 * context's close empties, whichever context set them:
 * <ul>
 *   <li>the engine registry, where the REST API and the webapps find the engine "default" by name;</li>
 *   <li>the webapps' runtime delegates (Tasklist, Cockpit, Admin, Welcome), which their servlet listeners set on
 *       start and set to null on stop: after a test that starts and stops an application of its own (the MySQL
 *       tests), every other context's Tasklist answered its first page with a 500 (a NullPointerException);</li>
 *   <li>the engine clock.</li>
 * </ul>
 * So before each test the engine of the test's own context is made the registered one and emptied webapp delegates
 * are set again as their listeners do; each test class starts on real time. Registered for every Spring test in
 * {@code META-INF/spring.factories}.
 */
public class SharedContextEngine implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestClass(TestContext testContext) {
    ClockUtil.reset();
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
    restoreWebappDelegates();
  }

  private static void restoreWebappDelegates() {
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  /** After dependency injection, which loads (or takes from the cache) the test's context. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
