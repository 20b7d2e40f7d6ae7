/** The one error family of civic-diary: catch the leaves of {@link org.civicdiary.booking.error.BookingException}. */
package org.civicdiary.booking.error;
