// The CSV format of influencer imports, shown on the import page and used by the importer.
import { toCsv } from "./csv";

export const IMPORT_COLUMNS = ["name", "email", "code", "discountPercent", "commissionPercent", "tags", "destinationPath"];
export const REQUIRED_IMPORT_COLUMNS = ["name", "email", "code", "discountPercent"];
export const MAX_IMPORT_ROWS = 1000;

export function importTemplate(): string {
  return toCsv(IMPORT_COLUMNS, [
    ["Maya Rivera", "maya@example.com", "MAYA10", "10", "12", "skincare,top-tier", "/"],
    ["Leo Chen", "leo@example.com", "LEO15", "15", "", "makeup", "/collections/makeup"],
  ]);
}
