/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Route;

/**
 * Keeps a staff member bound to an office inside it, in one place for every staff route: a
 * request that names another office's resource (in the path, the query or the body's top-level
 * {@code office}, {@code department}, {@code official} or {@code agenda}) is answered as if it did
 * not exist (404, nothing changed), so that not even existence leaks. Lists are narrowed by the
 * endpoints with {@link #shows}. A member bound to no office (the deployment's administrator)
 * passes, and may narrow lists to one office with the {@code office} query parameter.
 * Names that do not resolve are left for the endpoint to refuse as it always did.
 */
final class OfficeScope {
  private final Storage storage;
  /**
   * A path segment before a parameter, and how to find the office of what the parameter names
   * (accounts apart: one without an office is the deployment administrator's, not everyone's).
   */
  private final Map<String, Function<String, Optional<OfficeId>>> byKind;

  OfficeScope(Storage storage) {
    this.storage = storage;
    this.byKind = Map.of(
        "offices", id -> Optional.of(OfficeId.of(id)),
        "departments", id -> ofDepartment(DepartmentId.of(id)),
        "officials", id -> ofOfficial(OfficialId.of(id)),
        "agendas", id -> storage.directory().agenda(AgendaId.of(id)).flatMap(a -> ofDepartment(a.department())),
        "reservations", id -> uuid(id).flatMap(u -> ofReservation(new ReservationId(u))),
        "busy-conflicts", id -> uuid(id).flatMap(u -> ofReservation(new ReservationId(u))),
        "absences", id -> uuid(id).flatMap(u -> storage.diaries().absence(new AbsenceId(u)))
            .flatMap(a -> ofOfficial(a.official())),
        "waiting-list", id -> uuid(id).flatMap(u -> storage.waitingList().find(new WaitingListEntryId(u)))
            .flatMap(e -> ofDepartment(e.department())),
        "messages", id -> uuid(id).flatMap(u -> storage.outbox().find(new MessageId(u)))
            .flatMap(m -> m.reservation() == null ? Optional.empty() : ofReservation(m.reservation())));
  }

  /** The route, its action checked first when it is a staff route. */
  Route guard(Route route) {
    if (route.access() != Route.Access.STAFF) {
      return route;
    }
    String[] segments = route.template().substring(1).split("/");
    Route.Action action = route.action();
    return new Route(route.method(), route.template(), route.access(), route.limit(), route.disclosure(), call -> {
      check(segments, call);
      return action.handle(call);
    }, route.maxBodyBytes());
  }

  private void check(String[] template, Call call) {
    StaffMember member = call.member();
    if (member.office() == null) {
      return;
    }
    for (int i = 1; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        String kind = template[i - 1];
        String value = call.path(template[i].substring(1, template[i].length() - 1));
        if (kind.equals("accounts")) {
          // Other roles are refused the accounts' routes whatever the account: a 404 would tell them it exists.
          if (member.role() == Role.ADMIN) {
            account(member, value);
          }
        } else if (byKind.containsKey(kind)) {
          require(member, kind, value, byKind.get(kind).apply(value));
        }
      }
    }
    for (String name : List.of("office", "department", "official", "agenda")) {
      String value = call.query(name);
      if (value != null) {
        require(member, name, value, resolve(name, value));
      }
    }
    JsonNode body = body(call);
    if (body != null) {
      for (String name : List.of("office", "department", "official", "agenda")) {
        JsonNode value = body.get(name);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
          require(member, name, value.asText(), resolve(name, value.asText()));
        }
      }
    }
  }

  /** Another office's account, or the deployment administrator's, is not there for an office's member. */
  private void account(StaffMember member, String username) {
    Optional<StaffAccount> account = storage.staffAccounts().find(username);
    if (account.isPresent() && !member.office().equals(account.get().office())) {
      throw new NotFound("account", username);
    }
  }

  private Optional<OfficeId> resolve(String name, String value) {
    try {
      return byKind.get(name.equals("agenda") ? "agendas" : name + "s").apply(value);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void require(StaffMember member, String kind, String value, Optional<OfficeId> office) {
    if (office.isPresent() && !member.mayActIn(office.get())) {
      throw new NotFound(kind, value);
    }
  }

  private static JsonNode body(Call call) {
    byte[] raw = call.rawBody();
    if (raw.length == 0) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(raw);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  Optional<OfficeId> ofDepartment(DepartmentId id) {
    return storage.directory().department(id).map(d -> d.office());
  }

  Optional<OfficeId> ofOfficial(OfficialId id) {
    return storage.directory().official(id).flatMap(o -> ofDepartment(o.department()));
  }

  Optional<OfficeId> ofReservation(ReservationId id) {
    return storage.reservations().find(id).flatMap(r -> ofDepartment(r.department()));
  }

  /**
   * Whether a list shows an item of this office to the caller: an office's member sees their own
   * office's; the deployment's administrator every office's, or the one named by {@code office}.
   */
  boolean shows(Call call, OfficeId office) {
    StaffMember member = call.member();
    if (member.office() != null) {
      return member.office().equals(office);
    }
    String chosen = call.query("office");
    return chosen == null || chosen.equals(office == null ? null : office.value());
  }

  boolean showsDepartment(Call call, DepartmentId department) {
    return shows(call, ofDepartment(department).orElse(null));
  }

  boolean showsOfficial(Call call, OfficialId official) {
    return shows(call, ofOfficial(official).orElse(null));
  }
}
