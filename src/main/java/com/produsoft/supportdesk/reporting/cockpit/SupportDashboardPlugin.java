package com.produsoft.supportdesk.reporting.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' "Support" dashboard, a Cockpit plugin of Camunda 7's own kind (registered in
 * {@code META-INF/services}). Cockpit loads its {@code plugin-webapp/support-dashboard/app/plugin.js} and
 * {@code plugin.css}, served through {@link SupportDashboardPluginRootResource}; the figures come from
 * {@code /api/reports}, called with the Cockpit session (docs/architecture.md, "The Support dashboard").
 */
public class SupportDashboardPlugin extends AbstractCockpitPlugin {

  public static final String ID = "support-dashboard";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SupportDashboardPluginRootResource.class);
  }
}
