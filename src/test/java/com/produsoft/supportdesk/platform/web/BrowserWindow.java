package com.produsoft.supportdesk.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The size of a {@link BrowserTestSupport} test's browser window, in CSS pixels: what its screenshots show. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserWindow {

  int width();

  int height();
}
