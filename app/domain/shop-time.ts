// Time in the shop's own calendar: an order, a click or a payout belongs to the day and month of
// the shop's time zone, never UTC's. Days are YYYY-MM-DD strings, months YYYY-MM; the ranges of
// the database are the instants those days start at (dayStart). Every report, roll-up, tier and
// statement reads its days from here.

// Making an Intl.DateTimeFormat costs far more than using one (every order's day is computed
// when a batch of webhooks is applied): one formatter per timezone and shape, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = withTime
      ? new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        })
      : new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(key, found);
  }
  return found;
}

/** The calendar day of an instant in the shop's timezone, as YYYY-MM-DD. */
export function shopDay(at: Date, timeZone: string): string {
  const parts = formatter(timeZone, false).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The instant a shop-timezone day starts (local midnight), as a UTC Date. */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  let guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const local = formatter(timeZone, true).formatToParts(new Date(guess));
    const get = (type: string) => Number(local.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    guess -= asUtc - Date.UTC(y, m - 1, d);
  }
  return new Date(guess);
}

/** The next calendar day, YYYY-MM-DD. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** The calendar day `days` after (or before, when negative) a day, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** How many days a range holds, both ends included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/** Every day of a range, both ends included. */
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysIn(from, to)) }, (_, i) => addDays(from, i));
}

/** The shop's month of an instant, YYYY-MM. */
export function shopMonth(at: Date, timeZone: string): string {
  return shopDay(at, timeZone).slice(0, 7);
}

/** The month `months` after (or before) a month, YYYY-MM. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

/**
 * A month of the shop: its first and last day, the instants it starts and ends at in the shop's
 * time zone (for queries: placedAt >= start and < end), and its name ("November 2026").
 */
export function shopMonthSpan(month: string, timeZone: string): MonthSpan {
  const key = `${timeZone}|${month}`;
  let span = spans.get(key);
  if (!span) {
    if (spans.size > 1000) spans.clear();
    spans.set(key, (span = monthSpan(month, timeZone)));
  }
  return span;
}

// Every order of a batch asks for its last month (commission tiers): a month is worked out once.
type MonthSpan = ReturnType<typeof monthSpan>;
const spans = new Map<string, MonthSpan>();

function monthSpan(month: string, timeZone: string) {
  const from = `${month}-01`;
  const next = `${addMonths(month, 1)}-01`;
  const [y, m] = month.split("-").map(Number);
  return {
    month,
    from,
    to: addDays(next, -1),
    start: dayStart(from, timeZone),
    end: dayStart(next, timeZone),
    name: new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" }),
  };
}

/** The shop's month before the one an instant falls in. */
export function previousShopMonth(at: Date, timeZone: string) {
  return shopMonthSpan(addMonths(shopMonth(at, timeZone), -1), timeZone);
}

/** The week a day belongs to, named by its Monday (YYYY-MM-DD): weeks run Monday to Sunday. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * A range of days as the weeks it holds whole (their Mondays, first to last, or null) and the days
 * left at either end, so that a sum over the range reads a row per week and per day left over.
 */
export function weeksAndDays(
  from: string,
  to: string,
): { weeks: [string, string] | null; days: Array<[string, string]> } {
  const firstMonday = weekOf(from) === from ? from : addDays(weekOf(from), 7);
  const lastMonday = addDays(weekOf(addDays(to, 1)), -7); // the last week that ends on or before `to`
  if (firstMonday > lastMonday) return { weeks: null, days: from <= to ? [[from, to]] : [] };
  const days: Array<[string, string]> = [];
  if (from < firstMonday) days.push([from, addDays(firstMonday, -1)]);
  const afterWeeks = addDays(lastMonday, 7);
  if (afterWeeks <= to) days.push([afterWeeks, to]);
  return { weeks: [firstMonday, lastMonday], days };
}
