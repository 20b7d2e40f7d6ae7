/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.civicdiary.booking.model.AgendaId;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.web.internal.problem.HttpProblem;

/**
 * JSON in and out. Strict on input: unknown fields, wrong types, numbers for enums or times, and
 * trailing garbage are refused with a 400 that names the field; java.time values are ISO-8601
 * strings both ways.
 */
public final class Json {
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    SimpleModule strictTime = new SimpleModule("civicdiary-strict-time");
    strictTime.addDeserializer(Instant.class, new IsoString<>(Instant.class, Json::instant,
        "an ISO-8601 instant such as 2027-03-02T15:00:00Z"));
    strictTime.addDeserializer(LocalDate.class, new IsoString<>(LocalDate.class, Json::date,
        "an ISO-8601 date such as 2027-03-02"));
    strictTime.addDeserializer(LocalTime.class, new IsoString<>(LocalTime.class, LocalTime::parse,
        "an ISO-8601 local time such as 16:30"));
    strictTime.addDeserializer(Duration.class, new IsoString<>(Duration.class, Duration::parse,
        "an ISO-8601 duration such as PT2H"));
    strictTime.addDeserializer(ZoneId.class, new IsoString<>(ZoneId.class, ZoneId::of,
        "a time-zone id such as Europe/Prague"));
    strictTime.addDeserializer(DayOfWeek.class, new IsoString<>(DayOfWeek.class, DayOfWeek::valueOf,
        "a day such as MONDAY"));
    // Ids inside core records (a window's agendas) read as the plain codes the API takes.
    strictTime.addSerializer(AgendaId.class, ToStringSerializer.instance);
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(strictTime)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /** The years a booking system has any business with; beyond them date arithmetic overflows. */
  private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
  private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant LAST_INSTANT = LAST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

  /**
   * An ISO-8601 date between 1900 and 9999.
   *
   * @throws DateTimeException when it is not one
   */
  public static LocalDate date(String text) {
    LocalDate date = LocalDate.parse(text);
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      throw new DateTimeException("outside 1900–9999");
    }
    return date;
  }

  /**
   * An ISO-8601 instant between 1900 and 9999.
   *
   * @throws DateTimeException when it is not one
   */
  public static Instant instant(String text) {
    Instant instant = Instant.parse(text);
    if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
      throw new DateTimeException("outside 1900–9999");
    }
    return instant;
  }

  /**
   * Reads a request body into the type.
   *
   * @throws HttpProblem 400 naming the field for malformed JSON, unknown fields and wrong types
   * @throws InvalidInput when a value object of the core refuses a value (named with its path)
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw HttpProblem.badRequest("body", "is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw HttpProblem.badRequest("body", "must be a JSON object");
      }
      return value;
    } catch (JacksonException e) {
      throw translate(e);
    } catch (IOException e) {
      throw HttpProblem.malformed("the body could not be read");
    }
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** SHA-256 of the body's JSON with keys sorted, so a retry that orders fields differently is the same request. */
  public static String canonicalHash(byte[] body) {
    byte[] canonical;
    try {
      canonical = MAPPER.writeValueAsBytes(sorted(MAPPER.readTree(body)));
    } catch (IOException e) {
      canonical = body;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Object sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Map<String, Object> map = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        map.put(e.getKey(), sorted(e.getValue()));
      }
      return map;
    }
    if (node instanceof ArrayNode array) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      array.forEach(n -> list.add(sorted(n)));
      return list;
    }
    return node;
  }

  private static RuntimeException translate(JacksonException e) {
    if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidInput invalid) {
      String path = path(v);
      String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
      return new InvalidInput(field, invalid.problem());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return HttpProblem.badRequest(path(u), "is not a known field");
    }
    if (e instanceof InvalidFormatException f && f.getOriginalMessage().startsWith("must be ")) {
      return HttpProblem.badRequest(path(f), f.getOriginalMessage());
    }
    if (e instanceof MismatchedInputException m && m.getOriginalMessage().startsWith("Trailing token")) {
      return HttpProblem.malformed("more than one JSON value");
    }
    if (e instanceof MismatchedInputException m) {
      String path = path(m);
      return path.isEmpty()
          ? HttpProblem.badRequest("body", "must be a JSON object")
          : HttpProblem.badRequest(path, "must be " + expected(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m) {
      String path = path(m);
      return HttpProblem.badRequest(path.isEmpty() ? "body" : path, "has the wrong type or value");
    }
    if (e instanceof StreamConstraintsException) {
      // a 1,000-digit number, say: the parser's limits, with no location to name
      return HttpProblem.malformed("a value is longer or deeper than this API reads");
    }
    JsonLocation at = e.getLocation();
    return HttpProblem.malformed(at == null ? "not valid JSON" : "line " + at.getLineNr() + ", column " + at.getColumnNr());
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type.isEnum()) {
      StringBuilder names = new StringBuilder("one of");
      for (Object constant : type.getEnumConstants()) {
        names.append(' ').append(constant);
      }
      return names.toString();
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** The JSON path of the error, e.g. {@code windows[2].start}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Accepts only a JSON string, parsed by the given ISO parser; anything else names the field. */
  private static final class IsoString<T> extends StdScalarDeserializer<T> {
    private final transient Function<String, T> parser;
    private final String expected;

    IsoString(Class<T> type, Function<String, T> parser, String expected) {
      super(type);
      this.parser = parser;
      this.expected = expected;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw InvalidFormatException.from(p, "must be " + expected, p.getText(), handledType());
      }
      String text = p.getText().strip();
      try {
        return parser.apply(text);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw InvalidFormatException.from(p, "must be " + expected, text, handledType());
      }
    }
  }
}
