// The one CSV writer and reader. Cells that a spreadsheet would run as a formula (= + - @ and
// control characters at the start) are written with a leading apostrophe.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows of cells -> CSV text with a header row. Numbers pass as they are (no formula risk). */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify(
    [header, ...rows.map((row) => row.map((cell) => (typeof cell === "number" ? cell : safeCell(cell))))],
    {
      record_delimiter: "\r\n",
    },
  );
}

/** CSV text with a header row -> one object per row, keys from the header (trimmed, as typed). */
export function fromCsv(text: string): Array<Record<string, string>> {
  return parse(text.replace(/^\uFEFF/, ""), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
}
