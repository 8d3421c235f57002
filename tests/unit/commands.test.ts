// The one command convention: a page's forms told apart by `intent`, each read by its zod schema
// (a missing or malformed field refused naming it, nothing run), a Conflict answered as a 409.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, done, refused } from "~/domain/command-result";
import { boundedText, rowId } from "~/domain/form-input";
import { answer, command, intentCommands } from "~/server/platform/commands.server";

const ran: string[] = [];
const page = intentCommands({
  paid: command(z.object({ payoutId: rowId("payoutId"), reference: boundedText(10) }), async (_ctx: object, input) => {
    ran.push(`paid ${input.payoutId} ${input.reference}`);
    return done("Payout marked paid");
  }),
  cancel: command(
    z.object({ payoutId: rowId("payoutId") }),
    async (_ctx: object, input) => {
      if (input.payoutId === "taken") throw new Conflict("Another payout claimed it", "payoutId");
      return input.payoutId === "gone" ? refused("This payout does not exist", 404, "payoutId") : done("Cancelled");
    },
    { hiddenFields: true },
  ),
});

describe("commands of a page", () => {
  it.each([
    [{ intent: "paid" }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "" }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "   " }, { payoutId: "payoutId is required" }],
    [{ intent: "paid", payoutId: "a'; DROP" }, { payoutId: "payoutId is not an id" }],
    [{ intent: "paid", payoutId: "x".repeat(65) }, { payoutId: "payoutId is not an id" }],
    [{ intent: "paid", payoutId: "abc", reference: "x".repeat(11) }, { reference: "Use at most 10 characters" }],
    [
      { intent: "refund-everything", payoutId: "abc" },
      { form: "intent is not one this page knows", intent: "intent is not one this page knows" },
    ],
    [
      { intent: "constructor" },
      { form: "intent is not one this page knows", intent: "intent is not one this page knows" },
    ],
    [{}, { form: "intent is required", intent: "intent is required" }],
    [{ intent: "cancel" }, { form: "payoutId is required", payoutId: "payoutId is required" }],
  ])("refuse %j naming the field, and run nothing", async (fields, errors) => {
    ran.length = 0;
    const result = await page({}, fields as Record<string, string>);
    expect(result).toMatchObject({ ok: false, status: 400, errors, message: Object.values(errors)[0] });
    expect(ran).toEqual([]);
  });

  it("run the intent's command with its input, trimmed, with defaults, and echo the intent", async () => {
    ran.length = 0;
    const result = await page({}, { intent: "paid", payoutId: " cm1abc ", extra: "ignored" });
    expect(result).toEqual({ ok: true, message: "Payout marked paid", intent: "paid" });
    expect(ran).toEqual(["paid cm1abc "]);
  });

  it("answer a Conflict as a 409 and a refusal with its own status", async () => {
    const conflict = await page({}, { intent: "cancel", payoutId: "taken" });
    expect(conflict).toMatchObject({ ok: false, status: 409, errors: { payoutId: "Another payout claimed it" } });
    expect(answer(conflict).init?.status).toBe(409);
    const gone = await page({}, { intent: "cancel", payoutId: "gone" });
    expect(answer(gone).init?.status).toBe(404);
    expect(answer(await page({}, { intent: "cancel", payoutId: "here" })).init?.status).toBe(200);
  });
});
