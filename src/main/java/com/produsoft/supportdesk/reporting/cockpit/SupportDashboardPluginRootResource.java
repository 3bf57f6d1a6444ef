package com.produsoft.supportdesk.reporting.cockpit;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.ws.rs.Path;

/** Serves the plugin's script and style sheet at {@code /camunda/api/cockpit/plugin/support-dashboard/static/app/}. */
@Path("plugin/" + SupportDashboardPlugin.ID)
public class SupportDashboardPluginRootResource extends AbstractCockpitPluginRootResource {

  public SupportDashboardPluginRootResource() {
    super(SupportDashboardPlugin.ID);
  }
}
