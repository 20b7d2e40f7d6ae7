/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The test needs the PostgreSQL server ({@link FreshDatabase#server()}), or a private one it starts.
 *
 * <p>Tags the test class or method {@code postgres}. The full build runs every tag; the quick loop
 * ({@code mvn -B verify -Pquick}) leaves out {@code postgres}, {@code browser} and {@code crash}.
 * Inherited: put it on an abstract base class and its subclasses carry it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("postgres")
public @interface NeedsPostgres {}
