/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks civic-diary's bindings of types that a host binds for itself: {@code @ForCivicDiary Clock},
 * {@code @ForCivicDiary MeterRegistry}, {@code @ForCivicDiary HttpHandler}. A portal's own
 * unqualified {@code Clock} or {@code HttpHandler} stays its own, and ours never clash with it.
 *
 * <p>To hand civic-diary one of yours, set the qualified binding:
 *
 * <pre>{@code
 * OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(myClock);
 * }</pre>
 */
@jakarta.inject.Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ForCivicDiary {}
