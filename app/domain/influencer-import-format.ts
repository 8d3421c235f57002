// The CSV format of influencer imports, shown on the import page and used by the importer. No
// imports: the page's browser bundle includes it (the CSV writer needs Node's Buffer).

export const IMPORT_COLUMNS = [
  "name",
  "email",
  "code",
  "discountPercent",
  "commissionPercent",
  "tags",
  "destinationPath",
  "status",
];
export const REQUIRED_IMPORT_COLUMNS = ["name", "email"];
/** What a partner's row needs besides (a prospect, to be pitched first, gets a code when they join). */
export const PARTNER_IMPORT_COLUMNS = ["code", "discountPercent"];
/** The `status` column: empty or "active" for a partner with a code now, "prospect" to pitch first. */
export const IMPORT_STATUSES = ["", "active", "prospect"];
export const MAX_IMPORT_ROWS = 1000;
