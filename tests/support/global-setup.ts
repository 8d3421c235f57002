// Once per run: build the app when its sources changed, and migrate the template databases.
import { buildAppIfStale } from "../../scripts/build-app";
import { prepareTemplates } from "./databases";

export default async function setup() {
  if (process.env.REFERRAL_TEST_SETUP_DONE) return;
  process.env.REFERRAL_TEST_SETUP_DONE = "1";
  buildAppIfStale();
  await prepareTemplates(["sqlite", "postgresql"]);
}
