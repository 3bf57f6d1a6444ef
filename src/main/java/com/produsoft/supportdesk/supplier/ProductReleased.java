package com.produsoft.supportdesk.supplier;

import java.time.LocalDate;

/**
 * Published when a product release is registered (C3.2). Listeners start what a release brings, such as the
 * update trainings of C11.1.
 */
public record ProductReleased(String product, String version, LocalDate date) {
}
