// Bulk import and export of influencers as CSV. An import is all or nothing: every row is checked
// first (fields, duplicates in the file and in the shop) and nothing is saved while any row has a
// problem; if Shopify refuses a code half-way, the influencers already created are removed again.
import { readInChunks } from "./chunks.server";
import type { Db } from "../db.server";
import { codeKey } from "../domain/codes";
import { fromCsv, toCsv } from "../domain/csv";
import { parseInfluencerInput, type InfluencerInput } from "../domain/influencer-input";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, REQUIRED_IMPORT_COLUMNS } from "../domain/influencer-import-format";
import { bpsToPercent } from "../domain/percent";
import type { AdminGraphql } from "./admin-api.server";
import { deleteCodeInShopify } from "./discount-codes.server";
import { createInfluencer } from "./influencers.server";

export type RowProblem = { row: number; field: string; message: string };

export type ImportResult =
  | { ok: true; imported: number }
  | { ok: false; problems: RowProblem[]; imported: 0 };

/** Checks every row; returns the parsed rows only when all are good. */
export async function checkImport(
  db: Db,
  shop: { id: string; currency: string },
  csvText: string,
): Promise<{ ok: true; rows: InfluencerInput[] } | { ok: false; problems: RowProblem[] }> {
  let records: Array<Record<string, string>>;
  try {
    records = fromCsv(csvText);
  } catch (error) {
    return { ok: false, problems: [{ row: 0, field: "file", message: `This is not a readable CSV file: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { ok: false, problems: [{ row: 0, field: "file", message: "The file has no rows" }] };
  if (records.length > MAX_IMPORT_ROWS) {
    return { ok: false, problems: [{ row: 0, field: "file", message: `Import at most ${MAX_IMPORT_ROWS} rows at a time` }] };
  }
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !(c in records[0]));
  if (missing.length) {
    return { ok: false, problems: [{ row: 1, field: "header", message: `Missing columns: ${missing.join(", ")}. Download the template.` }] };
  }

  const problems: RowProblem[] = [];
  const rows: InfluencerInput[] = [];
  const emails = new Map<string, number>();
  const codes = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const email = (record.email ?? "").trim().toLowerCase();
    const key = codeKey(record.code ?? "");
    if (email && emails.has(email)) problems.push({ row, field: "email", message: `Same email as row ${emails.get(email)}` });
    if (key && codes.has(key)) problems.push({ row, field: "code", message: `Same code as row ${codes.get(key)}` });
    if (email && !emails.has(email)) emails.set(email, row);
    if (key && !codes.has(key)) codes.set(key, row);
    const parsed = parseInfluencerInput(record, shop.currency);
    if (!parsed.ok) {
      for (const [field, message] of Object.entries(parsed.errors)) problems.push({ row, field, message });
      return;
    }
    rows.push(parsed.input);
  });

  const [takenEmails, takenCodes] = await Promise.all([
    readInChunks([...emails.keys()], (chunk) => db.influencer.findMany({ where: { shopId: shop.id, email: { in: chunk } }, select: { email: true } })),
    readInChunks([...codes.keys()], (chunk) => db.discountCode.findMany({ where: { shopId: shop.id, codeKey: { in: chunk } }, select: { codeKey: true } })),
  ]);
  for (const { email } of takenEmails) problems.push({ row: emails.get(email)!, field: "email", message: "An influencer with this email already exists" });
  for (const { codeKey: key } of takenCodes) problems.push({ row: codes.get(key)!, field: "code", message: "This code is already used" });

  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  return { ok: true, rows };
}

export async function importInfluencers(
  db: Db,
  graphql: AdminGraphql,
  shop: { id: string; currency: string },
  csvText: string,
): Promise<ImportResult> {
  const checked = await checkImport(db, shop, csvText);
  if (!checked.ok) return { ok: false, problems: checked.problems, imported: 0 };
  const created: string[] = [];
  for (const [index, input] of checked.rows.entries()) {
    const result = await createInfluencer(db, graphql, shop, input).catch((error: Error) => ({
      ok: false as const,
      errors: { form: error.message },
    }));
    if (result.ok) {
      created.push(result.influencerId);
      continue;
    }
    await undoImport(db, graphql, created);
    const problems = Object.entries(result.errors).map(([field, message]) => ({ row: index + 2, field, message }));
    return { ok: false, problems, imported: 0 };
  }
  return { ok: true, imported: created.length };
}

/** Removes influencers created by an import that could not finish, and their codes in Shopify. */
async function undoImport(db: Db, graphql: AdminGraphql, influencerIds: string[]) {
  for (const id of influencerIds) {
    const codes = await db.discountCode.findMany({ where: { influencerId: id } });
    for (const code of codes) await deleteCodeInShopify(db, graphql, code.id);
    await db.influencer.delete({ where: { id } });
  }
}

export async function exportInfluencers(db: Db, shopId: string, currency: string): Promise<string> {
  const influencers = await db.influencer.findMany({
    where: { shopId },
    orderBy: { createdAt: "asc" },
    include: { codes: { orderBy: { createdAt: "asc" } }, links: { orderBy: { createdAt: "asc" } } },
  });
  return toCsv(
    [...IMPORT_COLUMNS, "status", "allCodes", "links", "currency"],
    influencers.map((i) => {
      const first = i.codes[0];
      return [
        i.name,
        i.email,
        first?.code ?? "",
        first?.percentBps != null ? bpsToPercent(first.percentBps) : "",
        i.commissionBps != null ? bpsToPercent(i.commissionBps) : "",
        i.tags,
        i.links[0]?.destinationPath ?? "/",
        i.status.toLowerCase(),
        i.codes.map((c) => c.code).join(" "),
        i.links.map((l) => `/r/${l.slug}`).join(" "),
        currency,
      ];
    }),
  );
}
