package com.produsoft.supportdesk.contract;

/** The contract cannot take this step in its current state (e.g. cancelling a lapsed contract). */
public class ContractStateException extends RuntimeException {

  public ContractStateException(String message) {
    super(message);
  }
}
