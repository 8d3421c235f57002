// The CSV format of influencer imports, shown on the import page and used by the importer. No
// imports: the page's browser bundle includes it (the CSV writer needs Node's Buffer).

export const IMPORT_COLUMNS = ["name", "email", "code", "discountPercent", "commissionPercent", "tags", "destinationPath"];
export const REQUIRED_IMPORT_COLUMNS = ["name", "email", "code", "discountPercent"];
export const MAX_IMPORT_ROWS = 1000;
