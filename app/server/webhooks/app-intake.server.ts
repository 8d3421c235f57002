// The app's one webhook intake: each server keeps its own batches and backlog, for the app's
// database. Made at the first delivery, so a command that only retries never starts one.
import db, { dbKind } from "../platform/db.server";
import { createWebhookIntake, type WebhookIntake } from "./intake.server";

let appIntake: WebhookIntake | undefined;

export function webhookIntake(): WebhookIntake {
  return (appIntake ??= createWebhookIntake({ db, databaseKind: dbKind }));
}
