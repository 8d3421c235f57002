// `npm run commissions:approve`: commissions whose hold period is over (and whose order stayed
// paid) become payable. Idempotent: run it from a scheduler as often as wanted.
import db from "../app/server/platform/db.server";
import { approveDueCommissions } from "../app/server/ledger/commissions.server";

approveDueCommissions(db, new Date())
  .then(async (count) => {
    console.log(`${count} commissions approved`);
    await db.$disconnect();
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
