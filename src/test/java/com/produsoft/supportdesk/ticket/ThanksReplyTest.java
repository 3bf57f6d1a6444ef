package com.produsoft.supportdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which replies after the solution only thank (journal, no reopening) and which are news (reopen, C8.1). */
class ThanksReplyTest {

  @ParameterizedTest(name = "thanks: {0}")
  @ValueSource(strings = {"Bedankt!", "Dank u wel voor de snelle hulp.", "Hartelijk dank, Jan Vandamme",
      "Super, bedankt! Met vriendelijke groeten", "Thanks", "Thank you very much for your help!",
      "Thanks a lot, kind regards", "Merci beaucoup", "Merci pour votre aide, cordialement", "Merci, bonne journée"})
  void onlyThanks(String reply) {
    assertThat(ThanksReply.onlyThanks(reply, "Jan Vandamme")).isTrue();
  }

  @ParameterizedTest(name = "news: {0}")
  @ValueSource(strings = {"still broken, thanks", "Bedankt, maar het werkt nog steeds niet", "Thanks?",
      "Merci, mais pourquoi?", "Thanks, can you also look at the postprocessor", "Perfect", "",
      "thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks",
      "Bedankt, Piet"})
  void news(String reply) {
    assertThat(ThanksReply.onlyThanks(reply, "Jan Vandamme")).isFalse();
  }
}
