package com.produsoft.supportdesk.contract;

public class ContractNotFoundException extends RuntimeException {

  public ContractNotFoundException(String contractNumber) {
    super("No maintenance contract " + contractNumber);
  }
}
