// The import page's upload as a command: every row checked first (nothing starts while any has
// a problem), then one import run per shop at a time (a second upload meanwhile is a 409), worked
// in the background by whichever server holds its lease.
import { done, refused, type CommandResult, type RefusalStatus, type Refused } from "../../domain/command-result";
import { workImportNow } from "../platform/job-runner.server";
import type { ShopContext } from "../shop/shop-context.server";
import { checkImport, startImport, type RowProblem } from "./influencer-import.server";

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const TOO_LARGE = "The file is larger than 2 MB";

/** A refusal of a file: its rows' problems (row 0 for the file itself), the first one as the message. */
function refusedRows(problems: RowProblem[], status: RefusalStatus = 400): Refused<{ problems: RowProblem[] }> {
  const first = problems[0];
  return { ...refused(first ? `Row ${first.row || "-"}: ${first.message}` : "Nothing was imported", status), problems };
}

/** Starts an import of the uploaded file, or says which rows stop it. */
export async function startImportCommand(
  ctx: ShopContext,
  file: FormDataEntryValue | null,
): Promise<CommandResult<{ problems: RowProblem[] }, { problems: RowProblem[] }>> {
  if (!(file instanceof File) || file.size === 0)
    return refusedRows([{ row: 0, field: "file", message: "Choose a CSV file" }]);
  if (file.size > MAX_IMPORT_BYTES) return uploadTooLarge();
  const checked = await checkImport(ctx.db, ctx.shop, await file.text());
  if (!checked.ok) return refusedRows(checked.problems);
  const started = await startImport(ctx.db, ctx.shop.id, file.name || "influencers.csv", checked.rows);
  if (!started.ok) return refusedRows(started.problems, 409);
  workImportNow(started.runId, ctx.shop);
  return done("Import started", { problems: [] });
}

/** An upload refused as it streamed, for being over the import's limit. */
export const uploadTooLarge = () => refusedRows([{ row: 0, field: "file", message: TOO_LARGE }], 413);
