/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with Nagle's algorithm off. SMTP is a conversation of short writes; with Nagle on, the
 * end of a multipart message waits for the server's delayed acknowledgement (some 40 ms), which caps a
 * connection at about twenty messages a second. Jakarta Mail has no setting for it, only socket
 * factories. A plain factory and a TLS one are separate classes: Jakarta Mail treats any
 * {@link SSLSocketFactory} as meant for TLS.
 */
final class NoDelaySockets {
  private NoDelaySockets() {}

  /** For plain connections (and STARTTLS, which upgrades the plain socket). */
  static SocketFactory plain() {
    return new Plain(SocketFactory.getDefault());
  }

  /** For SMTPS: TLS from the first byte. */
  static SSLSocketFactory tls() {
    return new Tls((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static final class Plain extends SocketFactory {
    private final SocketFactory next;

    Plain(SocketFactory next) {
      this.next = next;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(next.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(next.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return noDelay(next.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(next.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return noDelay(next.createSocket(address, port, localAddress, localPort));
    }
  }

  private static final class Tls extends SSLSocketFactory {
    private final SSLSocketFactory next;

    Tls(SSLSocketFactory next) {
      this.next = next;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(next.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(next.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return noDelay(next.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(next.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return noDelay(next.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
      return noDelay(next.createSocket(socket, host, port, autoClose));
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return next.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return next.getSupportedCipherSuites();
    }
  }
}
