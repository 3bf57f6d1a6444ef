package com.produsoft.supportdesk.ticket;

import java.util.Map;

/** The outcome of the TicketPriority decision (processes/ticket-priority.dmn). */
public record PriorityDecision(int priority, int taskPriority, String firstResponseTarget, String resolutionTarget) {

  /** From the business rule task's single result, as the engine stores it in {@code priorityDecision}. */
  public static PriorityDecision of(Map<String, Object> result) {
    return new PriorityDecision(
        ((Number) result.get("priority")).intValue(),
        ((Number) result.get("taskPriority")).intValue(),
        (String) result.get("firstResponseTarget"),
        (String) result.get("resolutionTarget"));
  }
}
