package com.produsoft.supportdesk.ticket;

/** A missed SLA deadline was recorded (published when the breach is saved). */
public record SlaBreachRecorded(SlaClock clock, String productCode, Integer priority) {
}
