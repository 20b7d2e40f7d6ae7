/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Notices as e-mail: multipart/alternative with plain text, HTML and (when there is one) the
 * calendar object as {@code text/calendar; method=…}, which then also goes as the attachment
 * {@code invite.ics} in a multipart/mixed around it; all UTF-8; headers RFC 2047-encoded. Shared by
 * the SMTP and the mail-drop channels, so both write the very same message.
 */
final class MimeLetters {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
  static final String ATTACHMENT = "invite.ics";
  /**
   * Named, so that saving the message does not write every part once more only to find out which
   * encoding it needs: quoted-printable suits text that is mostly ASCII in both languages.
   */
  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
  private static final String QUOTED_PRINTABLE = "quoted-printable";
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAMS = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    preferAngusStreams();
  }

  private final MailConfig config;
  private final Session session;

  MimeLetters(MailConfig config, Session session) {
    this.config = config;
    this.session = session;
  }

  Session session() {
    return session;
  }

  MimeMessage letter(Notice notice, Instant now) throws MessagingException {
    StableIdMessage message = new StableIdMessage(session, notice.messageId());
    message.setFrom(config.from());
    if (config.replyTo() != null) {
      message.setReplyTo(new InternetAddress[] {config.replyTo()});
    }
    message.setRecipient(Message.RecipientType.TO, recipient(notice));
    message.setSubject(SafeText.oneLine(notice.subject()), "UTF-8");
    message.setHeader("Content-Language", notice.language().tag());
    // RFC 3834: an automatic message; out-of-office replies should not answer it.
    message.setHeader("Auto-Submitted", "auto-generated");

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(notice.text(), "UTF-8", "plain");
    text.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(notice.html(), "UTF-8", "html");
    html.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
    alternative.addBodyPart(html);
    if (notice.invitation() == null) {
      message.setContent(alternative);
    } else {
      byte[] ics = notice.invitation().ics().getBytes(StandardCharsets.UTF_8);
      MimeBodyPart calendar = new MimeBodyPart();
      calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
          "text/calendar; charset=UTF-8; method=" + notice.invitation().method())));
      calendar.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
      alternative.addBodyPart(calendar);
      // Clients that show the HTML part never look at the calendar alternative (iMIP, RFC 6047), so
      // the same object also travels as an attachment anyone can open.
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics; name=" + ATTACHMENT)));
      attachment.setFileName(ATTACHMENT);
      attachment.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
      attachment.setDisposition(Part.ATTACHMENT);
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(body);
      mixed.addBodyPart(attachment);
      message.setContent(mixed);
    }
    message.saveChanges();
    // In the office's zone, as its staff would write it; the same on every node whatever the server's zone.
    message.setHeader("Date", DATE.format(now.atZone(notice.zone())));
    message.render();
    return message;
  }

  /**
   * Jakarta Mail 2.1 looks its stream provider up through ServiceLoader on every multipart, body
   * part and encoded header (jakartaee/mail-api#861), scanning every jar each time: several
   * milliseconds per message. Naming the provider makes the lookup a plain class load. Done only
   * where it is safe, a flat class path on which the application class loader sees Angus, and never
   * over a host's own choice.
   */
  private static void preferAngusStreams() {
    if (System.getProperty(STREAM_PROVIDER) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAMS, false, ClassLoader.getSystemClassLoader());
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAMS);
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      // Angus is not on the system class path (an application server): keep the standard lookup.
    }
  }

  /**
   * The plain address, without the name the citizen gave as its display name: anyone can book with
   * anyone's address, and a name like "Finance Dept – unpaid fee" in {@code To:} would make the
   * town hall's mail speak a stranger's words.
   */
  private static InternetAddress recipient(Notice notice) {
    InternetAddress to = new InternetAddress();
    to.setAddress(notice.email());
    return to;
  }

  /**
   * Keeps the Message-ID derived from the outbox message instead of a fresh random one, and its
   * bytes once written: Jakarta Mail encodes a part byte by byte, and through the SMTP connection's
   * dot-stuffing and synchronized buffer that cost more than composing the message. Written once
   * into a plain buffer, the message goes to the server in blocks.
   */
  static final class StableIdMessage extends MimeMessage {
    private final String messageId;
    private byte[] rendered;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }

    /**
     * Writes the finished message once. A later change to its headers forgets those bytes (saving
     * changes sets headers too); its parts are not changed after this.
     */
    void render() throws MessagingException {
      Bytes out = new Bytes();
      try {
        super.writeTo(out, null);
      } catch (IOException e) {
        throw new MessagingException("cannot write the message", e);
      }
      rendered = out.toByteArray();
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
      if (rendered == null || ignoresAny(ignoreList)) {
        super.writeTo(os, ignoreList);
      } else {
        os.write(rendered);
        os.flush();
      }
    }

    /** Whether writing without these headers would differ from the bytes kept (SMTP leaves out Bcc). */
    private boolean ignoresAny(String[] ignoreList) throws MessagingException {
      if (ignoreList != null) {
        for (String name : ignoreList) {
          if (getHeader(name) != null) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void setHeader(String name, String value) throws MessagingException {
      rendered = null;
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) throws MessagingException {
      rendered = null;
      super.addHeader(name, value);
    }

    @Override
    public void removeHeader(String name) throws MessagingException {
      rendered = null;
      super.removeHeader(name);
    }
  }

  /** A byte buffer without ByteArrayOutputStream's lock per byte written. */
  private static final class Bytes extends OutputStream {
    private byte[] buffer = new byte[16 * 1024];
    private int size;

    @Override
    public void write(int b) {
      if (size == buffer.length) {
        buffer = Arrays.copyOf(buffer, size * 2);
      }
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size * 2, size + len));
      }
      System.arraycopy(b, off, buffer, size, len);
      size += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }
  }
}
