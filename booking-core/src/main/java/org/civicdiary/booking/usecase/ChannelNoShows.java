/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.Channel;

/**
 * How often citizens of one channel did not come, over the query's range: no-shows among the
 * meetings whose outcome is known (completed or no-show).
 *
 * @param rate noShows / (completed + noShows); 0 when there were none
 */
public record ChannelNoShows(Channel channel, long completed, long noShows, double rate) {}
