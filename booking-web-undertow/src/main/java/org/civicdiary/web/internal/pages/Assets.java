/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.civicdiary.web.internal.http.Gzip;

/**
 * The pages' files, prepared once at start: each gets a content hash, a second URL with that hash
 * in its name ({@code console.js} → {@code console.3f9a1c0d2e.js}) and, when it shrinks, a gzip copy.
 *
 * <p>Relative references between the files ({@code import … from '../kit/kit.js'}, an HTML page's
 * {@code src="../static/…"}, the widget's {@code './civic-diary-booking.css'}) are rewritten to the
 * hashed names before the referring file is hashed, so a changed module changes the URL of every
 * file that imports it, up to the page: a browser never pairs a cached module with a stale import.
 * Only quoted specifiers starting with {@code ./} or {@code ../} and naming a known {@code .js} or
 * {@code .css} file are rewritten; anything else is left as written.
 */
public final class Assets {
  private static final Pattern REFERENCE = Pattern.compile("(['\"])(\\.{1,2}/[^'\"\\s?#]*?)([^/'\"\\s?#]+\\.(?:js|css))\\1");
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript;charset=utf-8",
      "mjs", "text/javascript;charset=utf-8",
      "css", "text/css;charset=utf-8",
      "html", "text/html;charset=utf-8",
      "json", "application/json",
      "txt", "text/plain;charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");

  /**
   * One file as served.
   *
   * @param path where it is served without a hash ({@code /static/console/console.js})
   * @param hashedPath the same with the content hash in the name
   * @param hash the first 40 bits of the SHA-256 of {@code body}, in hex; also the ETag
   * @param gzip the gzip-compressed body, or {@code null} when compressing does not shrink it
   */
  record Asset(String path, String type, byte[] body, byte[] gzip, String hash, String hashedPath) {
  }

  private final Map<String, Asset> byPath;
  private final Map<String, Asset> byHashedPath;

  private Assets(Map<String, Asset> byPath) {
    this.byPath = Map.copyOf(byPath);
    Map<String, Asset> hashed = new HashMap<>();
    byPath.values().forEach(a -> hashed.put(a.hashedPath(), a));
    this.byHashedPath = Map.copyOf(hashed);
  }

  /**
   * Prepares the files.
   *
   * @param sources each file's content by the absolute path it is served at (an HTML page by a
   *     path in the folder it is served from, such as {@code /console/index.html})
   * @throws IllegalArgumentException when the files import each other in a cycle
   */
  static Assets of(Map<String, byte[]> sources) {
    Map<String, Asset> done = new LinkedHashMap<>();
    for (String path : sources.keySet()) {
      prepare(path, sources, done, new HashSet<>());
    }
    return new Assets(done);
  }

  /** The file at its plain path. */
  Optional<Asset> plain(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The file at its hashed path, only for its current hash: an old hash is not this content. */
  Optional<Asset> hashed(String path) {
    return Optional.ofNullable(byHashedPath.get(path));
  }

  private static Asset prepare(String path, Map<String, byte[]> sources, Map<String, Asset> done, Set<String> visiting) {
    Asset ready = done.get(path);
    if (ready != null) {
      return ready;
    }
    if (!visiting.add(path)) {
      throw new IllegalArgumentException("the pages' files reference each other in a cycle through " + path);
    }
    String extension = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.getOrDefault(extension, "application/octet-stream");
    byte[] body = sources.get(path);
    if (type.startsWith("text/")) {
      body = rewrite(path, new String(body, StandardCharsets.UTF_8), sources, done, visiting).getBytes(StandardCharsets.UTF_8);
    }
    String hash = hash(body);
    int dot = path.lastIndexOf('.');
    Asset asset = new Asset(path, type, body, type.equals("image/png") ? null : gzip(body), hash,
        path.substring(0, dot) + '.' + hash + path.substring(dot));
    visiting.remove(path);
    done.put(path, asset);
    return asset;
  }

  private static String rewrite(String path, String text, Map<String, byte[]> sources, Map<String, Asset> done,
      Set<String> visiting) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      String target = URI.create(path).resolve(m.group(2) + m.group(3)).normalize().getPath();
      String replacement = m.group();
      if (sources.containsKey(target) && !target.equals(path)) {
        Asset dependency = prepare(target, sources, done, visiting);
        replacement = m.group(1) + m.group(2)
            + dependency.hashedPath().substring(dependency.hashedPath().lastIndexOf('/') + 1) + m.group(1);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The files under a class-path folder, as paths relative to it, from a folder or from a jar.
   *
   * @throws IllegalStateException when the folder is missing
   */
  static List<String> list(String folder) {
    Set<String> found = new TreeSet<>();
    try {
      // the folder may be in several roots (a jar and a test's classes); each adds its files
      for (URL url : Collections.list(Assets.class.getClassLoader().getResources(folder))) {
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
          FileSystem jar;
          try {
            jar = FileSystems.newFileSystem(uri, Map.of());
          } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
          }
          found.addAll(files(jar.provider().getPath(uri)));
        } else {
          found.addAll(files(Path.of(uri)));
        }
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + folder, e);
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("missing resource folder " + folder);
    }
    return List.copyOf(found);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
          .sorted()
          .toList();
    }
  }

  /** A class-path file's bytes. */
  static byte[] read(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return java.util.HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] gzip(byte[] body) {
    byte[] zipped = Gzip.compress(body, Deflater.BEST_COMPRESSION);
    return zipped.length < body.length ? zipped : null;
  }
}
