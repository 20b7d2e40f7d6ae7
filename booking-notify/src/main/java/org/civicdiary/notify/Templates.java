/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;

/**
 * The message templates: {@code {language}/{kind}.subject|txt|html.mustache}, looked up first in the
 * integrator's folder (if configured) and then among the built-in ones. HTML templates escape every
 * value; the subject and plain-text templates do not (they are not HTML).
 */
final class Templates {
  static final String BUILT_IN = "templates/";
  private static final String EXTENSION = ".mustache";
  private final MustacheFactory html;
  private final MustacheFactory text;

  Templates(Path folder) {
    MustacheResolver resolver = new Resolver(folder == null ? null : folder.toAbsolutePath().normalize());
    this.html = new DefaultMustacheFactory(resolver);
    this.text = new DefaultMustacheFactory(resolver) {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  String subject(MessageKind kind, Language language, Map<String, Object> scope) {
    // One line whatever a template or a value holds: nothing may start a new header.
    return SafeText.oneLine(render(text, name(kind, language, "subject"), scope));
  }

  String text(MessageKind kind, Language language, Map<String, Object> scope) {
    return render(text, name(kind, language, "txt"), scope);
  }

  String html(MessageKind kind, Language language, Map<String, Object> scope) {
    return render(html, name(kind, language, "html"), scope);
  }

  private static String name(MessageKind kind, Language language, String part) {
    return language.tag() + "/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + part + EXTENSION;
  }

  private static String render(MustacheFactory factory, String name, Map<String, Object> scope) {
    StringWriter out = new StringWriter();
    factory.compile(name).execute(out, scope);
    return out.toString();
  }

  private static final class Resolver implements MustacheResolver {
    private final Path folder;

    Resolver(Path folder) {
      this.folder = folder;
    }

    @Override
    public Reader getReader(String name) {
      Reader reader = find(name);
      // A partial named with a dot ({{> _layout.html}}) arrives without the .mustache ending.
      return withoutLicenceHeader(reader != null || name.endsWith(EXTENSION) ? reader : find(name + EXTENSION));
    }

    /**
     * Drops a leading comment ({@code {{! SPDX-… }}}) and the blank lines after it: mustache.java
     * keeps the line breaks around a standalone comment, which would start every message with them.
     */
    private static Reader withoutLicenceHeader(Reader reader) {
      if (reader == null) {
        return null;
      }
      try (reader) {
        StringWriter all = new StringWriter();
        reader.transferTo(all);
        String text = all.toString();
        if (text.startsWith("{{!")) {
          int end = text.indexOf("}}");
          if (end >= 0) {
            text = text.substring(end + 2).replaceFirst("^(\\r?\\n)+", "");
          }
        }
        return new java.io.StringReader(text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a template", e);
      }
    }

    private Reader find(String name) {
      if (folder != null) {
        Path file = folder.resolve(name).normalize();
        if (file.startsWith(folder) && Files.isRegularFile(file)) {
          try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
          }
        }
      }
      InputStream in = Templates.class.getResourceAsStream(BUILT_IN + name);
      return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }
}
