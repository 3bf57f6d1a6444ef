package com.produsoft.supportdesk.reporting;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every mail the application sends ({@code support.mails.sent}) or fails to send ({@code support.mails.failed}):
 * customer, supplier, contract and training mails all go through the one {@link JavaMailSender}, which this wraps
 * in a subclass proxy (its type stays {@code JavaMailSenderImpl} for Boot's mail health check).
 */
class MailCounting implements BeanPostProcessor {

  static final String SENT = "support.mails.sent";
  static final String FAILED = "support.mails.failed";

  private final ObjectProvider<MeterRegistry> registry;

  MailCounting(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof JavaMailSender)) {
      return bean;
    }
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice((MethodInterceptor) call -> {
      if (!call.getMethod().getName().equals("send")) {
        return call.proceed();
      }
      int mails = call.getArguments().length == 1 && call.getArguments()[0] instanceof Object[] many
          ? many.length : 1;
      try {
        Object result = call.proceed();
        count(SENT, mails);
        return result;
      } catch (MailSendException e) {
        int failed = e.getFailedMessages().isEmpty() ? mails : e.getFailedMessages().size();
        count(SENT, mails - failed);
        count(FAILED, failed);
        throw e;
      } catch (RuntimeException e) {
        count(FAILED, mails);
        throw e;
      }
    });
    return proxy.getProxy(bean.getClass().getClassLoader());
  }

  private void count(String name, int mails) {
    if (mails > 0) {
      registry.getObject().counter(name).increment(mails);
    }
  }
}
