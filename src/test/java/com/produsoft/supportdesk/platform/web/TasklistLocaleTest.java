package com.produsoft.supportdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17, item 7: Tasklist in Dutch. Our {@code nl.json} holds exactly the keys of the {@code en.json} that
 * Camunda's webjar on the classpath ships (so a Camunda upgrade that adds or drops a key fails here, naming it),
 * and our {@code config.js}, which replaces Camunda's as a whole, offers nl and en and keeps Camunda's shortcuts.
 */
class TasklistLocaleTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final String CONFIG = TASKLIST + "scripts/config.js";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  /** Real markup only: the texts also hold literals such as {@code <null>} that are not HTML. */
  private static final Pattern MARKUP = Pattern.compile("</?(a|b|br|code|em|i|p|span|strong)\\b[^>]*>");
  private static final Pattern SHORTCUT = Pattern.compile("(\\w+):\\s*\\{\\s*key:\\s*'([^']+)'");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("nl.json has every key of Camunda's en.json and no other, in the same structure")
  void dutchHasExactlyTheKeysOfCamundasEnglish() throws IOException {
    Map<String, JsonNode> english = camundasEnglish();
    Map<String, JsonNode> dutch = ourDutch();

    assertThat(difference(english.keySet(), dutch.keySet()))
        .as("keys of Camunda's en.json missing in our nl.json (translate them)").isEmpty();
    assertThat(difference(dutch.keySet(), english.keySet()))
        .as("keys of our nl.json that Camunda's en.json no longer has (remove them)").isEmpty();
    english.forEach((key, value) -> assertThat(dutch.get(key).getNodeType()).as(key).isEqualTo(value.getNodeType()));
    assertThat(english).as("Camunda 7.24's Tasklist has 412 labels and the date locale").hasSizeGreaterThan(400);
  }

  @Test
  @DisplayName("every Dutch text is filled in where the English one is, and keeps its {{placeholders}} and markup")
  void dutchTextsKeepPlaceholdersAndMarkup() throws IOException {
    Map<String, JsonNode> english = camundasEnglish();
    Map<String, JsonNode> dutch = ourDutch();

    english.forEach((key, value) -> {
      if (!value.isTextual() || !dutch.containsKey(key)) {
        return;
      }
      String englishText = value.asText();
      String dutchText = dutch.get(key).asText();
      if (!englishText.isBlank()) {
        assertThat(dutchText).as(key).isNotBlank();
      }
      assertThat(found(PLACEHOLDER, 1, dutchText)).as(key + ": placeholders")
          .isEqualTo(found(PLACEHOLDER, 1, englishText));
      assertThat(found(MARKUP, 0, dutchText)).as(key + ": markup").isEqualTo(found(MARKUP, 0, englishText));
    });
  }

  @Test
  @DisplayName("our config.js is the one served, offers nl and en with en as fallback, and keeps Camunda's shortcuts")
  void configOffersDutchAndEnglishAndKeepsTheShortcuts() throws IOException {
    URL served = getClass().getClassLoader().getResource(CONFIG);
    assertThat(served).as("the config.js first on the classpath, which the webapp serves").isNotNull();
    assertThat(served.getProtocol()).as("ours, not the webjar's: " + served).isNotEqualTo("jar");
    String ours = read(served);

    assertThat(ours).containsPattern("availableLocales:\\s*\\[\\s*'nl',\\s*'en'\\s*]")
        .containsPattern("fallbackLocale:\\s*'en'");
    Map<String, String> camundasShortcuts = shortcuts(read(camundasResource(CONFIG)));
    assertThat(camundasShortcuts).as("Camunda's default shortcuts").isNotEmpty();
    assertThat(shortcuts(ours)).containsAllEntriesOf(camundasShortcuts);
  }

  private Map<String, JsonNode> camundasEnglish() throws IOException {
    // Jackson skips the byte order mark Camunda's file starts with.
    return flatten(json.readTree(camundasResource(TASKLIST + "locales/en.json")));
  }

  private Map<String, JsonNode> ourDutch() throws IOException {
    URL dutch = getClass().getClassLoader().getResource(TASKLIST + "locales/nl.json");
    assertThat(dutch).as("our nl.json").isNotNull();
    return flatten(json.readTree(dutch));
  }

  /** The file as Camunda's webjar ships it, even where ours shadows it on the classpath. */
  private URL camundasResource(String path) throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(path));
    return copies.stream()
        .filter(url -> url.getPath().contains("camunda-webapp-webjar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Camunda's webjar holds no " + path + "; copies found: " + copies));
  }

  /** Every leaf by its path: {@code labels.CLAIM_TASK}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static Set<String> difference(Set<String> these, Set<String> without) {
    Set<String> rest = new TreeSet<>(these);
    rest.removeAll(without);
    return rest;
  }

  /** The pattern's group in each match, sorted: a translation may change their order. */
  private static List<String> found(Pattern pattern, int group, String text) {
    Matcher matcher = pattern.matcher(text);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    Collections.sort(found);
    return found;
  }

  private static Map<String, String> shortcuts(String configJs) {
    Map<String, String> keys = new LinkedHashMap<>();
    Matcher matcher = SHORTCUT.matcher(configJs);
    while (matcher.find()) {
      keys.put(matcher.group(1), matcher.group(2));
    }
    return keys;
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
