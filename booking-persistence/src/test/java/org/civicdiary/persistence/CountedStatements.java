/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Wraps the adapter's pool and records the SQL of every statement it prepares, to count round trips. */
final class CountedStatements {
  private final List<String> statements = new ArrayList<>();

  DataSource wrap(DataSource pool) {
    return proxy(DataSource.class, pool);
  }

  /** The statements since the last call, and forgets them. */
  synchronized List<String> take() {
    List<String> taken = List.copyOf(statements);
    statements.clear();
    return taken;
  }

  private synchronized void record(String sql) {
    statements.add(sql.strip().replaceAll("\\s+", " "));
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
        record(sql);
      }
      try {
        Object result = method.invoke(target, args);
        return result instanceof Connection c && type == DataSource.class ? proxy(Connection.class, c) : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }
}
