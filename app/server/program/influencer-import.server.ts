// Bulk import and export of influencers as CSV. An import is all or nothing: every row is checked
// first (fields, duplicates in the file and in the shop) and nothing starts while any row has a
// problem. The checked rows are then created by a durable job (ImportRun), one row at a time: a
// server that stops mid-row leaves the run to another, which settles that row from what Shopify
// has (never creating its code twice); a row Shopify refuses undoes every influencer the run made.
import { importProblems, importRows } from "../platform/json-columns.server";
import type { ImportStatus } from "#db-client";
import type { Db } from "../platform/db.server";
import { codeKey } from "../../domain/codes";
import { fromCsv, toCsv } from "../../domain/csv";
import {
  parseInfluencerInput,
  parseProfileInput,
  type InfluencerInput,
  type ProfileInput,
} from "../../domain/influencer-input";
import {
  IMPORT_COLUMNS,
  IMPORT_STATUSES,
  MAX_IMPORT_ROWS,
  PARTNER_IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
} from "../../domain/influencer-import-format";
import { bpsToPercent } from "../../domain/percent";
import type { AdminGraphql } from "../platform/admin-api.server";
import { readInChunks } from "../platform/chunks.server";
import { isUniqueViolation } from "../platform/db-errors.server";
import { deleteCodeInShopify, settlePendingCode } from "./discount-codes.server";
import { createInfluencer, createInfluencerLink, createProspect } from "./influencers.server";

/** A row to import: a partner with a code now, or a prospect to pitch first (no code yet). */
export type ImportRow = InfluencerInput | (ProfileInput & { prospect: true });
const isProspect = (row: ImportRow): row is ProfileInput & { prospect: true } =>
  "prospect" in row && row.prospect === true;
import { claimLease, commitStep, LeaseLost, type Worker } from "../platform/job-leases.server";

export type RowProblem = { row: number; field: string; message: string };

/** Checks every row; returns the parsed rows only when all are good. */
export async function checkImport(
  db: Db,
  shop: { id: string; currency: string },
  csvText: string,
): Promise<{ ok: true; rows: ImportRow[] } | { ok: false; problems: RowProblem[] }> {
  let records: Array<Record<string, string>>;
  try {
    records = fromCsv(csvText);
  } catch (error) {
    return {
      ok: false,
      problems: [{ row: 0, field: "file", message: `This is not a readable CSV file: ${(error as Error).message}` }],
    };
  }
  if (records.length === 0)
    return { ok: false, problems: [{ row: 0, field: "file", message: "The file has no rows" }] };
  if (records.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [{ row: 0, field: "file", message: `Import at most ${MAX_IMPORT_ROWS} rows at a time` }],
    };
  }
  const allProspects = records.every((r) => (r.status ?? "").trim().toLowerCase() === "prospect");
  const missing = [...REQUIRED_IMPORT_COLUMNS, ...(allProspects ? [] : PARTNER_IMPORT_COLUMNS)].filter(
    (c) => !(c in records[0]),
  );
  if (missing.length) {
    return {
      ok: false,
      problems: [
        { row: 1, field: "header", message: `Missing columns: ${missing.join(", ")}. Download the template.` },
      ],
    };
  }

  const problems: RowProblem[] = [];
  const rows: ImportRow[] = [];
  const emails = new Map<string, number>();
  const codes = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const email = (record.email ?? "").trim().toLowerCase();
    const key = codeKey(record.code ?? "");
    if (email && emails.has(email))
      problems.push({ row, field: "email", message: `Same email as row ${emails.get(email)}` });
    if (key && codes.has(key)) problems.push({ row, field: "code", message: `Same code as row ${codes.get(key)}` });
    if (email && !emails.has(email)) emails.set(email, row);
    if (key && !codes.has(key)) codes.set(key, row);
    const status = (record.status ?? "").trim().toLowerCase();
    if (!IMPORT_STATUSES.includes(status)) {
      problems.push({
        row,
        field: "status",
        message: 'Use "active" for a partner with a code now, "prospect" to pitch first, or leave it empty',
      });
      return;
    }
    const parsed = status === "prospect" ? parseProfileInput(record) : parseInfluencerInput(record, shop.currency);
    if (!parsed.ok) {
      for (const [field, message] of Object.entries(parsed.errors)) problems.push({ row, field, message });
      return;
    }
    rows.push(
      status === "prospect" ? { ...(parsed.input as ProfileInput), prospect: true } : (parsed.input as InfluencerInput),
    );
  });

  const [takenEmails, takenCodes] = await Promise.all([
    readInChunks([...emails.keys()], (chunk) =>
      db.influencer.findMany({ where: { shopId: shop.id, email: { in: chunk } }, select: { email: true } }),
    ),
    readInChunks([...codes.keys()], (chunk) =>
      db.discountCode.findMany({ where: { shopId: shop.id, codeKey: { in: chunk } }, select: { codeKey: true } }),
    ),
  ]);
  for (const { email } of takenEmails)
    problems.push({ row: emails.get(email)!, field: "email", message: "An influencer with this email already exists" });
  for (const { codeKey: key } of takenCodes)
    problems.push({ row: codes.get(key)!, field: "code", message: "This code is already used" });

  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  return { ok: true, rows };
}

/** Starts the job for checked rows, unless the shop has one running (one at a time per shop). */
export async function startImport(
  db: Db,
  shopId: string,
  fileName: string,
  rows: ImportRow[],
): Promise<{ ok: true; runId: string } | { ok: false; problems: RowProblem[] }> {
  try {
    const run = await db.importRun.create({
      data: {
        shopId,
        activeShopId: shopId,
        fileName: fileName.slice(0, 200),
        rows: importRows.write(rows),
        total: rows.length,
      },
    });
    return { ok: true, runId: run.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: "file",
          message: "An import is already running. Wait until it finishes, then upload the file again.",
        },
      ],
    };
  }
}

export function claimImport(db: Db, runId: string, worker: Worker, now = new Date()): Promise<boolean> {
  return claimLease(db.importRun, runId, ["RUNNING", "UNDOING"], worker, now);
}

/** Runs whose server stopped, or whose wait after a failed try is over. */
export function stalledImports(db: Db, now = new Date()) {
  return db.importRun.findMany({
    where: { status: { in: ["RUNNING", "UNDOING"] }, leaseUntil: { lt: now } },
    select: { id: true, shop: { select: { id: true, domain: true, currency: true } } },
    take: 20,
  });
}

const revive = (row: ImportRow): ImportRow =>
  isProspect(row)
    ? row
    : {
        ...row,
        discount: {
          ...row.discount,
          startsAt: row.discount.startsAt ? new Date(row.discount.startsAt) : null,
          endsAt: row.discount.endsAt ? new Date(row.discount.endsAt) : null,
        },
      };

/** One row created, or one created influencer removed while undoing; false when the run is over. */
export async function importStep(
  db: Db,
  graphql: AdminGraphql,
  shop: { id: string; currency: string },
  runId: string,
  worker: Worker,
): Promise<boolean> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.worker !== worker.id) throw new LeaseLost(`another server runs import ${runId}`);
  const mine = { id: runId, worker: worker.id, status: run.status };
  if (run.status === "RUNNING") {
    if (run.nextRow >= run.total) {
      await db.importRun.updateMany({
        where: mine,
        data: { status: "DONE", activeShopId: null, leaseUntil: null, finishedAt: new Date(), rows: "[]" },
      });
      return false;
    }
    await commitStep(db.importRun, run, worker); // renewed before calling Shopify
    const input = revive(importRows.read(run.rows)[run.nextRow] as ImportRow);
    const created = await createRow(db, graphql, shop, runId, input);
    const row = run.nextRow + 2; // the file's header is row 1
    await commitStep(
      db.importRun,
      run,
      worker,
      created.ok
        ? { nextRow: run.nextRow + 1, attempts: 0, lastError: null }
        : {
            status: "UNDOING",
            problems: importProblems.write(
              Object.entries(created.errors).map(([field, message]) => ({ row, field, message })),
            ),
          },
    );
    return true;
  }
  if (run.status === "UNDOING") {
    const influencer = await db.influencer.findFirst({
      where: { shopId: shop.id, importRunId: runId },
      select: { id: true },
    });
    if (!influencer) {
      await db.importRun.updateMany({
        where: mine,
        data: { status: "FAILED", activeShopId: null, leaseUntil: null, finishedAt: new Date(), rows: "[]" },
      });
      return false;
    }
    await commitStep(db.importRun, run, worker); // renewed before calling Shopify
    await removeInfluencer(db, graphql, influencer.id);
    return true;
  }
  return false;
}

/**
 * Creates one row's influencer, code and link. When an earlier server stopped in the middle of
 * this row, its influencer exists already: its pending code is settled by asking Shopify (adopted
 * if Shopify made it, created again only if Shopify did not), so no code is made twice.
 */
async function createRow(
  db: Db,
  graphql: AdminGraphql,
  shop: { id: string; currency: string },
  runId: string,
  input: ImportRow,
) {
  if (isProspect(input)) {
    const earlierProspect = await db.influencer.findUnique({
      where: { shopId_email: { shopId: shop.id, email: input.email } },
      select: { importRunId: true },
    });
    if (earlierProspect?.importRunId === runId) return { ok: true as const }; // made before a server stopped
    return createProspect(db, shop.id, input, { importRunId: runId });
  }
  const earlier = await db.influencer.findUnique({
    where: { shopId_email: { shopId: shop.id, email: input.email } },
    select: {
      id: true,
      importRunId: true,
      codes: { select: { id: true, status: true } },
      links: { select: { id: true } },
    },
  });
  if (earlier?.importRunId === runId) {
    for (const code of earlier.codes.filter((c) => c.status === "PENDING"))
      await settlePendingCode(db, graphql, code.id);
    const codes = await db.discountCode.findMany({
      where: { influencerId: earlier.id },
      select: { id: true, status: true },
    });
    if (codes.some((c) => c.status === "PENDING"))
      throw new Error("Shopify did not answer whether the code was created");
    if (codes.length) {
      if (!earlier.links.length) await createInfluencerLink(db, shop.id, earlier.id, input, codes[0].id);
      return { ok: true as const };
    }
    await db.influencer.delete({ where: { id: earlier.id } }); // Shopify never made its code: start the row again
  }
  return createInfluencer(db, graphql, shop, input, { importRunId: runId });
}

/** Removes an influencer this run created, its codes first in Shopify. */
async function removeInfluencer(db: Db, graphql: AdminGraphql, influencerId: string) {
  const codes = await db.discountCode.findMany({ where: { influencerId }, select: { id: true } });
  for (const code of codes) await deleteCodeInShopify(db, graphql, code.id);
  await db.influencer.delete({ where: { id: influencerId } });
}

export const MAX_IMPORT_ATTEMPTS = 5;

/** After a failed try the run waits, 5 s doubling; past the last try it is undone. */
export function importRetryDelayMs(attempts: number): number {
  return Math.min(600_000, 5_000 * 2 ** (attempts - 1));
}

/** Every step until the run is over; a failed try leaves the run to be taken up after a wait. */
export async function runImport(
  db: Db,
  graphql: AdminGraphql,
  shop: { id: string; currency: string },
  runId: string,
  worker: Worker,
) {
  try {
    while (await importStep(db, graphql, shop, runId, worker)) {
      // next row
    }
  } catch (error) {
    if (error instanceof LeaseLost) return;
    await failImportTry(db, runId, worker, (error as Error).message);
  }
}

/** A try failed (Shopify unreachable, a database error): wait longer each time, then undo. */
export async function failImportTry(db: Db, runId: string, worker: Worker, reason: string, now = new Date()) {
  const run = await db.importRun.findUnique({ where: { id: runId } });
  if (!run || run.worker !== worker.id) return;
  const attempts = run.attempts + 1;
  const giveUp = run.status === "RUNNING" && attempts >= MAX_IMPORT_ATTEMPTS;
  const message = `Shopify or the database failed ${attempts} times: ${reason}`.slice(0, 500);
  await db.importRun.updateMany({
    where: { id: runId, worker: worker.id },
    data: {
      attempts: giveUp ? 0 : attempts,
      lastError: message,
      worker: null,
      leaseUntil: giveUp ? now : new Date(now.getTime() + importRetryDelayMs(attempts)),
      ...(giveUp
        ? {
            status: "UNDOING" as const,
            problems: importProblems.write([{ row: run.nextRow + 2, field: "form", message }]),
          }
        : {}),
    },
  });
}

export type ImportSummary = {
  id: string;
  status: ImportStatus;
  fileName: string;
  total: number;
  created: number;
  problems: RowProblem[];
  lastError: string | null;
  finishedAt: string | null;
};

/** The shop's latest import, for its page. */
export async function latestImport(db: Db, shopId: string): Promise<ImportSummary | null> {
  const run = await db.importRun.findFirst({ where: { shopId }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  return {
    id: run.id,
    status: run.status,
    fileName: run.fileName,
    total: run.total,
    created: run.nextRow,
    problems: run.problems ? importProblems.read(run.problems) : [],
    lastError: run.lastError,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The file the import page offers to start from. */
export function importTemplate(): string {
  return toCsv(IMPORT_COLUMNS, [
    ["Maya Rivera", "maya@example.com", "MAYA10", "10", "12", "skincare,top-tier", "/", "active"],
    ["Leo Chen", "leo@example.com", "LEO15", "15", "", "makeup", "/collections/makeup", "active"],
    ["Priya Nair", "priya@example.com", "", "", "", "skincare", "", "prospect"],
  ]);
}

export async function exportInfluencers(db: Db, shopId: string, currency: string): Promise<string> {
  const influencers = await db.influencer.findMany({
    where: { shopId },
    orderBy: { createdAt: "asc" },
    include: { codes: { orderBy: { createdAt: "asc" } }, links: { orderBy: { createdAt: "asc" } } },
  });
  return toCsv(
    [...IMPORT_COLUMNS, "allCodes", "links", "currency"],
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
