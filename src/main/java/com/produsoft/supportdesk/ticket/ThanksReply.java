package com.produsoft.supportdesk.ticket;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A customer's short reply after the solution that only thanks ("Bedankt!", "Thanks a lot", "Merci beaucoup"):
 * it goes to the journal and does not reopen the ticket. Anything else does, as C8.1 asks: a question mark, a file,
 * a word that is neither thanks nor politeness ("still broken, thanks"), or more than {@value #MAX_WORDS} words.
 * The contact's own name may sign it.
 */
final class ThanksReply {

  static final int MAX_WORDS = 15;

  /** The words that thank, in Dutch, English and French; a reply without one of them is no thanks. */
  private static final Set<String> THANKS = Set.of("bedankt", "dank", "dankjewel", "dankuwel", "dankje", "thanks",
      "thank", "thx", "ty", "merci");

  /** Politeness around the thanks: greetings, intensifiers, "for the quick help", a signature's closing. */
  private static final Set<String> POLITENESS = Stream.of(
      // Dutch
      "u", "je", "jullie", "wel", "heel", "erg", "zeer", "hartelijk", "hartelijke", "veel", "voor", "de", "het",
      "uw", "hulp", "snelle", "reactie", "antwoord", "oplossing", "support", "ondersteuning", "vriendelijke",
      "groeten", "groet", "mvg", "met", "top", "super", "prima", "perfect", "fijn", "ok", "oke", "goed", "alvast",
      "nogmaals", "beste", "hallo", "dag", "goedemorgen", "goedemiddag", "allen", "team",
      // English
      "you", "very", "much", "a", "lot", "many", "so", "for", "the", "your", "help", "quick", "fast", "reply",
      "answer", "solution", "great", "kind", "regards", "best", "cheers", "okay", "again", "hi", "hello", "dear",
      "all", "and",
      // French
      "beaucoup", "bien", "mille", "fois", "pour", "votre", "vos", "aide", "reponse", "rapide", "cordialement",
      "bonne", "journee", "salutations", "parfait", "bonjour", "encore", "l", "d", "de", "la", "le", "et", "tous",
      "toute", "equipe", "sinceres", "meilleures")
      .collect(Collectors.toUnmodifiableSet());

  private ThanksReply() {
  }

  /** Whether {@code message}, sent without files, only thanks; {@code contactName} may sign it. */
  static boolean onlyThanks(String message, String contactName) {
    if (message == null || message.contains("?")) {
      return false;
    }
    List<String> words = words(message);
    Set<String> signature = Set.copyOf(words(contactName == null ? "" : contactName));
    return !words.isEmpty() && words.size() <= MAX_WORDS
        && words.stream().anyMatch(THANKS::contains)
        && words.stream().allMatch(word -> THANKS.contains(word) || POLITENESS.contains(word)
            || signature.contains(word));
  }

  /** Lower-case words without accents ("journée" is "journee"); punctuation and emoji separate them. */
  private static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
    return Arrays.stream(plain.split("[^\\p{L}]+")).filter(word -> !word.isEmpty()).toList();
  }
}
