/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.civicdiary.booking.model.ManageToken;

/** A message as the mail server received it, taken apart for assertions. */
final class Received {
  private static final Pattern TOKEN = Pattern.compile("/manage/([A-Za-z0-9_-]{43})");
  final MimeMessage message;
  final String rawHeaders;
  final String text;
  final String html;
  final String calendarContentType;
  final String calendarText;
  /** The parts of the multipart/alternative: text, HTML and the calendar if there is one. */
  final List<String> partTypes = new ArrayList<>();
  /** The attachments beside the alternative (when the message is multipart/mixed). */
  final List<BodyPart> attachments = new ArrayList<>();

  Received(MimeMessage message) throws Exception {
    this.message = message;
    StringBuilder headers = new StringBuilder();
    message.getAllHeaderLines().asIterator().forEachRemaining(line -> headers.append(line).append("\r\n"));
    this.rawHeaders = headers.toString();
    Multipart alternative = (Multipart) message.getContent();
    if (message.isMimeType("multipart/mixed")) {
      Multipart mixed = alternative;
      alternative = (Multipart) mixed.getBodyPart(0).getContent();
      for (int i = 1; i < mixed.getCount(); i++) {
        attachments.add(mixed.getBodyPart(i));
      }
    }
    if (!message.isMimeType("multipart/mixed") && !message.isMimeType("multipart/alternative")) {
      throw new AssertionError("unexpected message type " + message.getContentType());
    }
    String t = null;
    String h = null;
    String ct = null;
    String cal = null;
    for (int i = 0; i < alternative.getCount(); i++) {
      BodyPart part = alternative.getBodyPart(i);
      partTypes.add(part.getContentType());
      if (part.isMimeType("text/plain")) {
        t = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        h = (String) part.getContent();
      } else if (part.isMimeType("text/calendar")) {
        ct = part.getContentType();
        cal = bytes(part);
      }
    }
    this.text = t;
    this.html = h;
    this.calendarContentType = ct;
    this.calendarText = cal;
  }

  static List<Received> all(MimeMessage[] messages) throws Exception {
    List<Received> result = new ArrayList<>();
    for (MimeMessage m : messages) {
      result.add(new Received(m));
    }
    return result;
  }

  String subject() throws Exception {
    return message.getSubject();
  }

  String messageId() throws Exception {
    return message.getMessageID();
  }

  String to() throws Exception {
    return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
  }

  String toName() throws Exception {
    return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal();
  }

  /** The token of the first manage link in the plain-text part. */
  ManageToken token() {
    Matcher m = TOKEN.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no manage link in:\n" + text);
    }
    return ManageToken.parse(m.group(1));
  }

  Calendar calendar() throws Exception {
    return new CalendarBuilder().build(new StringReader(calendarText));
  }

  /** The text of the attachment with this file name. */
  String attachment(String fileName) throws Exception {
    for (BodyPart part : attachments) {
      if (fileName.equals(part.getFileName())) {
        return bytes(part);
      }
    }
    throw new AssertionError("no attachment " + fileName + " among " + attachments.size());
  }

  static String bytes(Part part) throws Exception {
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
