// `npm run reports:rebuild`: builds every shop's daily roll-ups again from orders, clicks,
// commissions and costs. Safe at any time; reports read the result.
import db from "../app/server/platform/db.server";
import { rebuildRollups } from "../app/server/ledger/rollups.server";

async function main() {
  for (const shop of await db.shop.findMany({ select: { id: true, domain: true } })) {
    console.log(`${shop.domain}: ${await rebuildRollups(db, shop.id)} influencer-days`);
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
