// Once per run: build the app when its sources changed, and migrate the template databases.
import { randomBytes } from "node:crypto";
import { buildAppIfStale } from "../../scripts/build-app";

export default async function setup() {
  if (process.env.REFERRAL_TEST_SETUP_DONE) return;
  process.env.REFERRAL_TEST_SETUP_DONE = "1";
  // Names this run's template databases; the test workers inherit it.
  process.env.REFERRAL_TEST_RUN ??= `${process.pid}_${randomBytes(3).toString("hex")}`;
  const { prepareTemplates, dropTemplates } = await import("./databases");
  buildAppIfStale();
  await prepareTemplates(["sqlite", "postgresql"]);
  return async () => {
    if (process.env.REFERRAL_TEST_SETUP_TORN_DOWN) return;
    process.env.REFERRAL_TEST_SETUP_TORN_DOWN = "1";
    await dropTemplates();
  };
}
