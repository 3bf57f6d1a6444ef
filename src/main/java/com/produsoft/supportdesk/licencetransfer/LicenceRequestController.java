package com.produsoft.supportdesk.licencetransfer;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequest.Reinstaller;
import com.produsoft.supportdesk.licencetransfer.LicenceTransferRequest.Status;

/**
 * Staff API of licence moves (C10): requests taken by phone or mail and the customer's answers given by phone. Who
 * may call it: {@link LicenceTransferUrlRules} (support teams, leads, administration).
 */
@RestController
@RequestMapping("/api/licence-requests")
class LicenceRequestController {

  private final LicenceRequests requests;

  LicenceRequestController(LicenceRequests requests) {
    this.requests = requests;
  }

  record RequestView(String number, Status status, List<String> licenceNumbers, TransferReason reason,
      String oldHardware, String newHardware, boolean freeOfCharge, String contractNumber, Integer quoteEuros,
      Reinstaller reinstalledBy, Instant appointment, Instant confirmedAt, String eonNumber) {

    static RequestView of(LicenceTransferRequest request) {
      return new RequestView(request.getNumber(), request.getStatus(), request.getLicenceNumbers(),
          request.getReason(), request.getOldHardware(), request.getNewHardware(), request.isFreeOfCharge(),
          request.getContractNumber(), request.getQuoteEuros(), request.getReinstalledBy(), request.getAppointment(),
          request.getConfirmedAt(), request.getEonNumber());
    }
  }

  record QuoteAnswer(boolean accepted) {
  }

  /** C10.1: starts LicenceTransferProcess; 400 names each fault of an invalid request. */
  @PostMapping
  ResponseEntity<RequestView> request(@RequestBody NewLicenceRequest request) {
    LicenceTransferRequest started = requests.start(request);
    return ResponseEntity.created(URI.create("/api/licence-requests/" + started.getId()))
        .body(RequestView.of(started));
  }

  @GetMapping("/{id}")
  RequestView get(@PathVariable long id) {
    return RequestView.of(requests.get(id));
  }

  /** The customer's answer to the quote, given by phone or mail; 409 when no quote awaits an answer. */
  @PostMapping("/{id}/quote-answer")
  ResponseEntity<RequestView> answerQuote(@PathVariable long id, @RequestBody QuoteAnswer answer) {
    boolean taken = requests.answerQuote(id, answer.accepted());
    return ResponseEntity.status(taken ? 200 : 409).body(RequestView.of(requests.get(id)));
  }

  /** The customer confirms that the software works; 409 when the licence has not moved yet. */
  @PostMapping("/{id}/confirmation")
  ResponseEntity<RequestView> confirm(@PathVariable long id) {
    boolean taken = requests.confirm(id);
    return ResponseEntity.status(taken ? 200 : 409).body(RequestView.of(requests.get(id)));
  }
}
