package com.produsoft.supportdesk.training;

/** What a session is (C11.2, C11.3); the price decision (processes/training-price.dmn) has rows per kind. */
public enum TrainingKind {
  /** C11.2: at Produsoft, EUR 425 per day per person. */
  CLASSROOM,
  /** C11.2: for one company, EUR 1000 per day, EUR 1250 per day from three persons, travel excluded. */
  COMPANY_SPECIFIC,
  /** C11.3: free for contract customers, who are invited personally. */
  USER_DAY
}
