// The date range of a report, as the merchant asks for it (?from=YYYY-MM-DD&to=YYYY-MM-DD).
import { shopDay } from "./shop-time";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Defaults to the last 30 days in the shop's timezone; at most two years at once. */
export function reportRange(
  params: URLSearchParams,
  timeZone: string,
  now: Date,
): { from: string; to: string } | { error: string } {
  const today = shopDay(now, timeZone);
  const to = params.get("to") ?? today;
  const from = params.get("from") ?? shopDay(new Date(now.getTime() - 29 * 86_400_000), timeZone);
  if (!isRealDay(from)) return { error: "from must be a date like 2026-11-01" };
  if (!isRealDay(to)) return { error: "to must be a date like 2026-11-30" };
  if (from > to) return { error: "from must not be after to" };
  if (Date.parse(to) - Date.parse(from) > 731 * 86_400_000) return { error: "Ask for at most two years at once" };
  return { from, to };
}

/** The asked range, or the default one with the reason the asked one was refused. */
export function reportRangeOrDefault(
  params: URLSearchParams,
  timeZone: string,
  now: Date,
): { from: string; to: string; error: string | null } {
  const asked = reportRange(params, timeZone, now);
  if (!("error" in asked)) return { ...asked, error: null };
  const fallback = reportRange(new URLSearchParams(), timeZone, now) as { from: string; to: string };
  return { ...fallback, error: asked.error };
}
