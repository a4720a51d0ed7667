import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDays,
  addInterval,
  daysBetween,
  describeInvalidDate,
  parseCalendarDate,
  parseInterval,
  toCalendarDate,
  todayIn,
  type CalendarDate,
} from "../../src/core/verification/calendar-date.ts";
import { getVerification } from "../../src/core/verification/verification.ts";
import { parseYaml } from "../../src/core/cards/yaml-source.ts";

const day = (text: string) => parseCalendarDate(text) as CalendarDate;

describe("parseCalendarDate", () => {
  it.each(["2027-02-15", "2028-02-29", "2026-12-31"])("accepts the real day %s", (text) => {
    expect(parseCalendarDate(text)).toBe(text);
  });
  it.each(["2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "next week", "2026-2-3", "20260203", ""])(
    "rejects %j",
    (text) => {
      expect(parseCalendarDate(text)).toBeUndefined();
    },
  );
  it("explains why a date is impossible", () => {
    expect(describeInvalidDate("2026-02-30")).toBe("February 2026 has 28 days");
    expect(describeInvalidDate("2026-13-01")).toBe("there is no month 13");
    expect(describeInvalidDate("next week")).toBe("it is not a date in YYYY-MM-DD form");
  });
});

describe("interval arithmetic", () => {
  it("parses intervals", () => {
    expect(parseInterval("90d")).toEqual({ count: 90, unit: "d" });
    expect(parseInterval("12w")).toEqual({ count: 12, unit: "w" });
    expect(parseInterval("0d")).toBeUndefined();
    expect(parseInterval("3 months")).toBeUndefined();
  });
  it("adds days across month and year ends", () => {
    expect(addDays(day("2026-12-25"), 14)).toBe("2027-01-08");
    expect(addDays(day("2028-02-28"), 1)).toBe("2028-02-29");
  });
  it("adds months and years, clamping to the month's last day", () => {
    expect(addInterval(day("2026-01-31"), { count: 1, unit: "m" })).toBe("2026-02-28");
    expect(addInterval(day("2028-02-29"), { count: 1, unit: "y" })).toBe("2029-02-28");
    expect(addInterval(day("2026-11-22"), { count: 90, unit: "d" })).toBe("2027-02-20");
    expect(addInterval(day("2026-11-22"), { count: 2, unit: "w" })).toBe("2026-12-06");
  });
  it("counts days between calendar dates", () => {
    expect(daysBetween(day("2026-11-22"), day("2026-12-06"))).toBe(14);
    expect(daysBetween(day("2026-03-01"), day("2026-02-28"))).toBe(-1);
  });
  // Date.UTC reads the years 0 to 99 as 1900 to 1999: 0000-01-01 was "46360 days ago" on 2026-12-06.
  it("counts years 0 to 99 as themselves, not as 19xx", () => {
    expect(daysBetween(day("0000-01-01"), day("0001-01-01"))).toBe(366);
    expect(daysBetween(day("0099-12-31"), day("0100-01-01"))).toBe(1);
    expect(daysBetween(day("0000-01-01"), day("2026-12-06"))).toBe(740_321);
    expect(addDays(day("0050-02-28"), 1)).toBe("0050-03-01");
    expect(parseCalendarDate("0000-02-29")).toBe("0000-02-29");
    expect(parseCalendarDate("0004-02-29")).toBe("0004-02-29");
    expect(parseCalendarDate("0100-02-29")).toBeUndefined();
  });
  it("gives no day past 9999-12-31, which YYYY-MM-DD cannot write", () => {
    expect(addInterval(day("2026-12-06"), { count: 9999, unit: "y" })).toBeUndefined();
    expect(addDays(day("9999-12-31"), 1)).toBeUndefined();
    expect(addInterval(day("9999-11-30"), { count: 1, unit: "m" })).toBe("9999-12-30");
  });
});

// The same calendar logic must give the same answers whatever the machine's time zone is.
describe.each(["America/Los_Angeles", "Pacific/Kiritimati"])("under TZ=%s", (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it("really runs in that zone", () => {
    const offset = new Date(Date.UTC(2026, 10, 22, 12)).getTimezoneOffset();
    expect(offset).toBe(zone === "America/Los_Angeles" ? 480 : -840);
  });

  it("keeps the day written in YAML, quoted or not", () => {
    const { d } = parseYaml("d: 2027-02-15").value as { d: unknown };
    expect(toCalendarDate(d)).toBe("2027-02-15");
    expect(toCalendarDate('2027-02-15')).toBe("2027-02-15");
    // A YAML 1.1 parser gives UTC midnight: the local zone must not shift it to the 14th.
    expect(toCalendarDate(new Date(Date.UTC(2027, 1, 15)))).toBe("2027-02-15");
  });

  it("reads today in the configured zone, not the machine's", () => {
    const instant = new Date("2026-11-22T09:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-22");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-22");
    expect(todayIn("Pacific/Kiritimati", instant)).toBe("2026-11-22");
    const late = new Date("2026-11-22T23:30:00Z");
    expect(todayIn("Pacific/Kiritimati", late)).toBe("2026-11-23");
    const early = new Date("2026-11-22T05:00:00Z");
    expect(todayIn("America/Los_Angeles", early)).toBe("2026-11-21");
  });

  it("reads UTC without time zone data, to the same day as the zone data gives", () => {
    for (const iso of ["2026-11-22T00:00:00Z", "2026-11-22T23:59:59.999Z", "2024-02-29T12:00:00Z"]) {
      expect(todayIn("UTC", new Date(iso))).toBe(todayIn("Etc/UTC", new Date(iso)));
    }
  });

  it("classifies verification on calendar days", () => {
    const policy = { today: day("2026-11-22"), warnDays: 14 };
    expect(getVerification(day("2026-11-22"), policy)).toEqual({ status: "expiring", daysLeft: 0 });
    expect(getVerification(day("2026-11-21"), policy)).toEqual({ status: "expired", daysLeft: -1 });
    expect(getVerification(day("2026-12-06"), policy)).toEqual({ status: "expiring", daysLeft: 14 });
    expect(getVerification(day("2026-12-07"), policy)).toEqual({ status: "verified", daysLeft: 15 });
  });
});
