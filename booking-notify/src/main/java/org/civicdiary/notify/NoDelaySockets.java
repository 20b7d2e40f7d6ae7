package org.civicdiary.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with Nagle's algorithm off. SMTP is a conversation of short lines; with Nagle on, the
 * last short write of each message waits for the server's delayed acknowledgement (some 40 ms), which
 * caps a connection at about twenty messages a second.
 */
final class NoDelaySockets extends SSLSocketFactory {
  private final SocketFactory plain;
  private final SSLSocketFactory tls;

  private NoDelaySockets(SocketFactory plain, SSLSocketFactory tls) {
    this.plain = plain;
    this.tls = tls;
  }

  /** For plain connections (and STARTTLS, which upgrades the plain socket). */
  static SocketFactory plain() {
    return new NoDelaySockets(SocketFactory.getDefault(), null);
  }

  /** For SMTPS: TLS from the first byte. */
  static SSLSocketFactory tls() {
    return new NoDelaySockets(null, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  private SocketFactory factory() {
    return tls != null ? tls : plain;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(factory().createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(factory().createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(factory().createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(factory().createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(factory().createSocket(address, port, localAddress, localPort));
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    if (tls == null) {
      throw new IOException("not a TLS socket factory");
    }
    return noDelay(tls.createSocket(socket, host, port, autoClose));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls == null ? new String[0] : tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls == null ? new String[0] : tls.getSupportedCipherSuites();
  }
}
