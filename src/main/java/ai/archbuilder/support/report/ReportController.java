package ai.archbuilder.support.report;

import ai.archbuilder.support.sla.BusinessCalendarProperties;
import ai.archbuilder.support.system.ApiException;
import ai.archbuilder.support.system.CurrentUsers;
import ai.archbuilder.support.system.Now;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for support managers, auditors and admins (read only). */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  /** The longest period one report covers. */
  static final int MAX_DAYS = 366;
  /** Days any database stores and the period arithmetic handles (a year 999999999 gave a 500). */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

  private final SlaReports reports;
  private final CurrentUsers users;
  private final BusinessCalendarProperties calendar;

  ReportController(SlaReports reports, CurrentUsers users, BusinessCalendarProperties calendar) {
    this.reports = reports;
    this.users = users;
    this.calendar = calendar;
  }

  /**
   * SLA compliance of the tickets created from {@code from} to {@code to} (ISO dates, both
   * included, in the business time zone); by default the last 30 days, today included.
   */
  @GetMapping("/sla")
  SlaReport sla(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (!users.current().seesAllTickets()) {
      throw ApiException.forbidden("Reports are for support managers, auditors and admins");
    }
    inRange("from", from);
    inRange("to", to);
    var last = to != null ? to : LocalDate.ofInstant(Now.instant(), calendar.zone());
    var first = from != null ? from : last.minusDays(29);
    if (first.isAfter(last)) {
      throw ApiException.badRequest("from", "from must not be after to");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw ApiException.badRequest("to", "a report covers at most " + MAX_DAYS + " days");
    }
    return reports.report(first, last);
  }

  private static void inRange(String field, LocalDate day) {
    if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
      throw ApiException.badRequest(field, "a report's days lie between " + EARLIEST + " and " + LATEST);
    }
  }
}
