/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The staff console as a staff member uses it: signing in and out with the keyboard, opening a page. */
final class ConsoleSteps {
  private final Browser browser;
  private final String consoleUrl;

  ConsoleSteps(Browser browser, String consoleUrl) {
    this.browser = browser;
    this.consoleUrl = consoleUrl;
  }

  /** Opens the console, signs out whoever is signed in, then signs in with the keyboard. */
  void logIn(String username, String password) {
    signOut();
    typeLogin(username, password);
    browser.find(browser.driver(), ".cd-user-name", username);
  }

  /** Types the login form's fields and presses Enter, without waiting for the outcome. */
  void typeLogin(String username, String password) {
    WebElement name = browser.find(browser.driver(), "input[name=username]");
    name.sendKeys(username, Keys.TAB, password, Keys.ENTER);
  }

  void signOut() {
    browser.open(consoleUrl);
    WebElement shown = browser.find(browser.driver(), "input[name=username], .cd-user button.cd-secondary:not([lang])");
    if (shown.getTagName().equals("button")) {
      shown.click();
      browser.find(browser.driver(), "input[name=username]");
    }
  }

  /** Opens a page by its address (#fragment) and waits until its heading shows and nothing is loading. */
  void open(String fragment, String heading) {
    browser.open(consoleUrl + "#" + fragment);
    browser.find(browser.driver(), "h1", heading);
    browser.until(d -> d.findElements(By.cssSelector(".cd-loading")).isEmpty() ? true : null);
    browser.until(d -> d.findElements(By.cssSelector("#app form, #app section, #app table")).isEmpty() ? null : true);
  }

  /** The names of the pages in the menu. */
  List<String> menu() {
    browser.find(browser.driver(), "#menu a");
    return browser.driver().findElements(By.cssSelector("#menu a")).stream().map(WebElement::getText).toList();
  }
}
