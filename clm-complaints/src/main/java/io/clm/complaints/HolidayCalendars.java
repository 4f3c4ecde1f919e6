package io.clm.complaints;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Business calendars that ship with clm, from a jurisdiction code in one line:
 *
 * <pre>{@code
 * BusinessCalendar england = HolidayCalendars.of("GB-ENG");
 * BusinessCalendar hesse = HolidayCalendars.of("DE-HE");
 * BusinessCalendar china = HolidayCalendars.of("CN");
 * }</pre>
 *
 * <ul>
 *   <li>{@code GB-ENG}, {@code GB-SCT}, {@code GB-NIR}, {@code GB-WLS} (the UK nations), the 27 EU
 *       member states by ISO 3166 code ({@code DE}, {@code FR}, ...; a region as {@code DE-HE}),
 *       and {@code US} (the federal holidays; a state as {@code US-NY}): public holidays from
 *       Jollyday, any year, with the <em>observed</em> date where a holiday falling on a weekend is
 *       moved (a substitute bank holiday in the UK, the Friday or Monday off in the US). The US
 *       federal list has Columbus Day (the second Monday in October), which Jollyday leaves out.
 *   <li>{@code US-FRB}: the holidays of the Federal Reserve Banks, which most US banks keep: the
 *       federal holidays, except that a holiday falling on a Saturday gives no Friday off (the
 *       Reserve Banks are open that Friday); one falling on a Sunday is still observed on the
 *       Monday.
 *   <li>{@code CN}: mainland China from the State Council's yearly notices, with the weekend days
 *       worked instead (调休); the shipped years are listed in {@code calendars/cn-mainland.txt}
 *       with their sources. A year not shipped is refused with {@link
 *       io.clm.api.complaints.CalendarCoverageException} when a deadline needs it; add it with
 *       {@link #china(Reader)}.
 * </ul>
 *
 * <p>Business hours are 09:00 to 17:00, Monday to Friday, in the jurisdiction's zone unless {@link
 * #of(String, ZoneId)} names another zone.
 */
@Experimental
public final class HolidayCalendars {

  private static final String CHINA_DATA = "calendars/cn-mainland.txt";
  private static final Map<String, String> ZONES = zones();

  private HolidayCalendars() {}

  /**
   * The calendar of a jurisdiction, in its usual zone.
   *
   * @param jurisdiction {@code GB-ENG}, {@code DE}, {@code DE-HE}, {@code US}, {@code CN}, ...
   * @return the calendar
   * @throws ValidationException if the code is not known
   */
  public static BusinessCalendar of(String jurisdiction) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    String country = country(jurisdiction);
    return of(jurisdiction, ZoneId.of(ZONES.get(country)));
  }

  /**
   * The calendar of a jurisdiction, counted in a given zone.
   *
   * @param jurisdiction the jurisdiction code
   * @param zone the zone business days are counted in
   * @return the calendar
   * @throws ValidationException if the code is not known
   */
  public static BusinessCalendar of(String jurisdiction, ZoneId zone) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(zone, "zone");
    String country = country(jurisdiction);
    if (country.equals("CN")) {
      if (!jurisdiction.equals("CN")) {
        throw new ValidationException("jurisdiction '" + jurisdiction + "' is not known; mainland China is 'CN'");
      }
      return china(BusinessCalendar.builder("CN", zone), null).build();
    }
    String[] parts = jurisdiction.split("-", 2);
    String region = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : null;
    boolean reserveBanks = jurisdiction.equals("US-FRB");
    if (reserveBanks) {
      region = null;
    }
    if (country.equals("GB") && region == null) {
      throw new ValidationException(
          "jurisdiction 'GB' needs a nation: GB-ENG, GB-SCT, GB-NIR or GB-WLS (their bank holidays differ)");
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    String[] args = region == null ? new String[0] : new String[] {region};
    if (region != null && !manager.getCalendarHierarchy().getChildren().containsKey(region)) {
      throw new ValidationException(
          "jurisdiction '" + jurisdiction + "' is not known; regions of " + country + ": "
              + new TreeSet<>(manager.getCalendarHierarchy().getChildren().keySet()));
    }
    boolean us = country.equals("US");
    return BusinessCalendar.builder(jurisdiction, zone)
        .source(year -> jollydayYear(manager, year, args, us, reserveBanks))
        .build();
  }

  /**
   * The jurisdictions {@link #of(String)} knows at country level (regions are given as {@code
   * CC-REGION}).
   *
   * @return the codes, sorted
   */
  public static Set<String> jurisdictions() {
    Set<String> out = new TreeSet<>(ZONES.keySet());
    out.remove("GB");
    out.addAll(Set.of("GB-ENG", "GB-SCT", "GB-NIR", "GB-WLS", "US-FRB"));
    return out;
  }

  /**
   * Mainland China with the shipped years plus more years read from a reader in the format of
   * {@code calendars/cn-mainland.txt} ({@code year}, {@code off} and {@code work} lines), for a
   * year whose State Council notice came out after this release.
   *
   * @param extraYears the added years
   * @return the calendar, in Asia/Shanghai
   * @throws ValidationException if a line is malformed, a year is given twice, or a year has no
   *     holidays without saying {@code off none}
   */
  public static BusinessCalendar china(Reader extraYears) {
    Objects.requireNonNull(extraYears, "extraYears");
    return china(BusinessCalendar.builder("CN", ZoneId.of("Asia/Shanghai")), extraYears).build();
  }

  private static BusinessCalendar.Builder china(BusinessCalendar.Builder builder, Reader extra) {
    Map<Integer, YearDays> years = new TreeMap<>();
    try (InputStream in = HolidayCalendars.class.getResourceAsStream(CHINA_DATA)) {
      if (in == null) {
        throw new IllegalStateException("resource " + CHINA_DATA + " is missing from the jar");
      }
      parse(new InputStreamReader(in, StandardCharsets.UTF_8), CHINA_DATA, years);
      if (extra != null) {
        parse(extra, "extra years", years);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    years.forEach((year, days) -> {
      if (days.off().isEmpty() == !days.none()[0]) {
        throw new ValidationException("year " + year + " of the Chinese calendar " + (days.off().isEmpty()
            ? "has no holidays; say 'off none' if it really has none" : "says 'off none' but lists holidays"));
      }
      if (days.off().isEmpty()) {
        builder.noHolidays(year);
      } else {
        builder.holidays(year, days.off().toArray(LocalDate[]::new));
      }
      if (!days.work().isEmpty()) {
        builder.workedDays(year, days.work().toArray(LocalDate[]::new));
      }
    });
    return builder;
  }

  /** One year of the Chinese schedule while it is read. */
  private record YearDays(Set<LocalDate> off, Set<LocalDate> work, boolean[] none) {}

  private static void parse(Reader reader, String name, Map<Integer, YearDays> years) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    Integer year = null;
    String line;
    int number = 0;
    Set<Integer> seen = new HashSet<>();
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] words = text.split("\\s+", 3);
      String where = name + " line " + number;
      try {
        switch (words[0]) {
          case "year" -> {
            year = Integer.parseInt(words[1]);
            if (years.containsKey(year) || !seen.add(year)) {
              throw new ValidationException(where + ": year " + year + " is given twice");
            }
            years.put(year, new YearDays(new TreeSet<>(), new TreeSet<>(), new boolean[1]));
          }
          case "off", "work" -> {
            if (year == null || words.length < 2) {
              throw new ValidationException(where + ": '" + text + "' comes before a year line or has no date");
            }
            if (words[0].equals("off") && words[1].equals("none")) {
              years.get(year).none()[0] = true;
              continue;
            }
            Set<LocalDate> into = words[0].equals("off") ? years.get(year).off() : years.get(year).work();
            String[] range = words[1].split("\\.\\.");
            LocalDate first = LocalDate.parse(range[0]);
            LocalDate last = range.length == 2 ? LocalDate.parse(range[1]) : first;
            if (first.getYear() != year || last.getYear() != year || last.isBefore(first)) {
              throw new ValidationException(where + ": '" + words[1] + "' is not a range in " + year);
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
              into.add(d);
            }
          }
          default -> throw new ValidationException(where + ": '" + words[0] + "' is not year, off or work");
        }
      } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
        throw new ValidationException(where + ": '" + text + "' is malformed");
      }
    }
  }

  private static HolidaySource.Year jollydayYear(
      HolidayManager manager, int year, String[] args, boolean us, boolean saturdaysNotMoved) {
    // observed dates may cross a year end (1 January on a Saturday is observed on 31 December)
    Set<LocalDate> off = new HashSet<>();
    for (Holiday h : manager.getHolidays(LocalDate.of(year - 1, 12, 1), LocalDate.of(year + 1, 1, 31), args)) {
      LocalDate observed = h.getObservedDate().orElse(h.getActualDate());
      if (saturdaysNotMoved && h.getActualDate().getDayOfWeek() == DayOfWeek.SATURDAY) {
        // the Federal Reserve Banks are open on the Friday before a Saturday holiday
        continue;
      }
      if (h.getType() != HolidayType.OBSERVANCE && observed.getYear() == year) {
        off.add(observed);
      }
    }
    if (us && year >= 1971) {
      // Columbus Day, the second Monday in October (5 U.S.C. 6103), is missing from Jollyday's US data
      off.add(LocalDate.of(year, 10, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
    }
    return new HolidaySource.Year(off, Set.of());
  }

  private static String country(String jurisdiction) {
    String country = jurisdiction.split("-", 2)[0];
    if (!ZONES.containsKey(country)) {
      throw new ValidationException("jurisdiction '" + jurisdiction + "' is not known; known: " + jurisdictions());
    }
    return country;
  }

  private static Map<String, String> zones() {
    Map<String, String> m = new HashMap<>();
    String[] pairs = {
      "AT", "Europe/Vienna", "BE", "Europe/Brussels", "BG", "Europe/Sofia", "HR", "Europe/Zagreb",
      "CY", "Asia/Nicosia", "CZ", "Europe/Prague", "DK", "Europe/Copenhagen", "EE", "Europe/Tallinn",
      "FI", "Europe/Helsinki", "FR", "Europe/Paris", "DE", "Europe/Berlin", "GR", "Europe/Athens",
      "HU", "Europe/Budapest", "IE", "Europe/Dublin", "IT", "Europe/Rome", "LV", "Europe/Riga",
      "LT", "Europe/Vilnius", "LU", "Europe/Luxembourg", "MT", "Europe/Malta", "NL", "Europe/Amsterdam",
      "PL", "Europe/Warsaw", "PT", "Europe/Lisbon", "RO", "Europe/Bucharest", "SK", "Europe/Bratislava",
      "SI", "Europe/Ljubljana", "ES", "Europe/Madrid", "SE", "Europe/Stockholm",
      "GB", "Europe/London", "US", "America/New_York", "CN", "Asia/Shanghai"
    };
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(m);
  }
}
