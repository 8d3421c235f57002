// `npm run tokens:migrate`: swaps every shop's non-expiring offline token for an expiring one with
// a refresh token, for shops whose merchants have not opened the app since the switch. Shopify
// refuses non-expiring tokens of public apps from 2027-01-01. Safe to run again: a shop whose
// token already expires is left as it is.
import db from "../app/server/platform/db.server";
import { freshOfflineSession } from "../app/server/platform/shopify-access.server";

async function main() {
  const legacy = await db.session.findMany({ where: { isOnline: false, expires: null }, select: { shop: true } });
  let failed = 0;
  for (const { shop } of legacy) {
    try {
      await freshOfflineSession(shop);
      console.log(`${shop}: migrated`);
    } catch (error) {
      failed += 1;
      console.error(`${shop}: ${(error as Error).message}`);
    }
  }
  console.log(`${legacy.length - failed} of ${legacy.length} non-expiring tokens migrated`);
  await db.$disconnect();
  process.exit(failed ? 1 : 0);
}

void main();
