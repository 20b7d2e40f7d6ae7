/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The mail-drop: each message as {@code {outbox message id}.eml} in a folder. A resend of the same
 * message replaces its file, as a mailbox that knows the Message-ID would. Files appear whole
 * (written aside, then renamed), so a reader never sees half a message.
 */
final class FileMailDrop implements Notifier, MailDrop {
  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
  private static final String EML = ".eml";
  private final Path folder;
  private final MimeLetters letters;
  private final Clock clock;
  /**
   * The last file time given, in microseconds: two messages written within one tick of the file
   * system's clock would otherwise tie, and "newest first" would fall back to their random names.
   */
  private static final AtomicLong LAST_WRITTEN = new AtomicLong();

  FileMailDrop(MailConfig config, Clock clock) {
    this.folder = config.dropFolder().toAbsolutePath().normalize();
    this.clock = clock;
    this.letters = new MimeLetters(config, Session.getInstance(new Properties()));
  }

  @Override
  public String name() {
    return "mail-drop";
  }

  @Override
  public Path folder() {
    return folder;
  }

  @Override
  public void deliver(Notice notice) throws DeliveryFailed {
    try {
      Files.createDirectories(folder);
      MimeMessage message = letters.letter(notice, clock.instant());
      Path target = folder.resolve(notice.message().id() + EML);
      Path partial = Files.createTempFile(folder, "writing-", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(partial)) {
          message.writeTo(out);
        }
        move(partial, target);
        Instant now = Instant.now();
        long micros = LAST_WRITTEN.updateAndGet(last -> Math.max(last + 1,
            now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000));
        Files.setLastModifiedTime(target, FileTime.from(micros, TimeUnit.MICROSECONDS));
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | MessagingException e) {
      throw new DeliveryFailed("cannot write to the mail-drop folder: " + SafeText.describe(e), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public List<DroppedMail> newest(int limit) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + EML)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the mail-drop folder " + folder, e);
    }
    files.sort(Comparator.comparing(FileMailDrop::written).reversed().thenComparing(Path::getFileName));
    List<DroppedMail> result = new ArrayList<>();
    for (Path file : files) {
      if (result.size() >= limit) {
        break;
      }
      read(file).ifPresent(m -> result.add(m.mail()));
    }
    return result;
  }

  @Override
  public int removeWrittenBefore(Instant cutoff) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + EML)) {
      for (Path file : stream) {
        if (ID.matcher(idOf(file)).matches() && written(file).isBefore(cutoff) && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the mail-drop folder " + folder, e);
    }
    return removed;
  }

  private static String idOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - EML.length());
  }

  private static Instant written(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  @Override
  public Optional<DroppedMail.Content> open(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return read(folder.resolve(id + EML));
  }

  private Optional<DroppedMail.Content> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage message = new MimeMessage(letters.session(), in);
      String name = file.getFileName().toString();
      Instant at = written(file);
      String[] to = message.getHeader("To");
      DroppedMail mail = new DroppedMail(name.substring(0, name.length() - EML.length()), at,
          to == null ? "" : MimeUtility.decodeText(to[0]), message.getSubject(),
          message.getMessageID());
      Parts parts = new Parts();
      parts.collect(message);
      return Optional.of(new DroppedMail.Content(mail, parts.text, parts.html, parts.calendar));
    } catch (IOException | MessagingException e) {
      // A file that is not a message (someone's leftover) is not listed.
      return Optional.empty();
    }
  }

  private static final class Parts {
    private String text;
    private String html;
    private String calendar;

    void collect(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      } else if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      } else if (part.isMimeType("text/calendar")) {
        calendar = asText(part);
      }
    }

    private static String asText(Part part) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
