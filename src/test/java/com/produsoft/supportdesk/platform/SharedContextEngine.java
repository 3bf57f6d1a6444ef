package com.produsoft.supportdesk.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Lets test classes share Spring contexts in one JVM (surefire reuses its forks; Spring caches a context per
 * configuration). Every context holds a Camunda engine named "default", and Camunda's REST API and webapps find the
 * engine by that name in a static registry, which a context's start overwrites and a context's close empties (it
 * removes by name, whichever engine is registered). So before each test the engine of the test's own context is
 * made the registered one; and since the engine clock is static too, each test class starts on real time.
 * Registered for every Spring test in {@code META-INF/spring.factories}.
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
  }

  /** After dependency injection, which loads (or takes from the cache) the test's context. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
