package com.produsoft.supportdesk.contract;

/** C1.4: how a cancellation reached Produsoft. */
public enum CancellationChannel {
  /** A mail to info@produsoft.com, registered by the administration. */
  MAIL,
  /** A phone call, registered by the administration. */
  PHONE,
  /** Another system called the API. */
  API
}
