/** Configuration from a properties file and the environment, read the same way by every module. */
package org.civicdiary.booking.settings;
