package com.produsoft.supportdesk.platform;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Liquibase owns the whole schema, Camunda's tables included
 * ({@code camunda.bpm.database.schema-update: false}), so the process engine may only be built once
 * Liquibase has run its changelog.
 */
@Component
class EngineStartsAfterLiquibase implements BeanFactoryPostProcessor {

  static final String ENGINE_BEAN = "processEngineFactoryBean";
  static final String LIQUIBASE_BEAN = "liquibase";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(ENGINE_BEAN) || !beanFactory.containsBeanDefinition(LIQUIBASE_BEAN)) {
      return;
    }
    BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_BEAN);
    String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
    if (Arrays.asList(dependsOn).contains(LIQUIBASE_BEAN)) {
      return;
    }
    engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(LIQUIBASE_BEAN)).toArray(String[]::new));
  }
}
