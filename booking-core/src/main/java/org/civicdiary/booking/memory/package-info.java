/** In-memory adapters of every storage port, reached through {@link org.civicdiary.booking.memory.InMemoryStorage}. */
package org.civicdiary.booking.memory;
