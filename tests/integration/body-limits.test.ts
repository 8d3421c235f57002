// Every form's body is read with a limit while it streams: a post larger than its form could be
// is refused (413) before it is held in memory, and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { useWorld } from "../support/harness";
import { adminFetch, BROWSER_USER_AGENT } from "../support/shopify";

const world = useWorld();

beforeAll(async () => {
  expect((await adminFetch(world.app.url, "/app")).status).toBe(200);
});

/** A body sent in chunks with no declared length, as a client streaming without end would. */
function streamed(bytes: number, chunk = 64 * 1024) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk;
      controller.enqueue(new TextEncoder().encode(`message=${"x".repeat(chunk - 8)}`));
    },
  });
}

describe("bounded bodies", () => {
  it("refuses an application form larger than a form, declared or streamed", async () => {
    const big = new URLSearchParams({
      name: "Big",
      email: "big@example.com",
      socialProfiles: "https://instagram.com/big",
      message: "x".repeat(1024 * 1024),
    });
    const declared = await fetch(`${world.app.url}/apply/test-shop`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER_USER_AGENT },
      body: big.toString(),
    });
    expect(declared.status).toBe(413);
    const stream = await fetch(`${world.app.url}/apply/test-shop`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER_USER_AGENT },
      body: streamed(20 * 1024 * 1024),
      duplex: "half",
    } as RequestInit).catch(() => null);
    if (stream) expect(stream.status).toBe(413); // or the connection was cut mid-stream
    expect(await world.database.db.influencer.count()).toBe(0);
  });

  it("refuses a CSV import over 2 MB with the reason, before reading it all", async () => {
    const form = new FormData();
    form.set("file", new File(["name,email\n" + "a,b@example.com\n".repeat(200_000)], "big.csv", { type: "text/csv" }));
    const response = await adminFetch(world.app.url, "/app/influencers/import", { method: "POST", body: form });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("larger than 2 MB");
    expect(await world.database.db.influencer.count()).toBe(0);
  });

  it("refuses an admin form post over 256 KB", async () => {
    const response = await adminFetch(world.app.url, "/app/payouts?index", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "create", pad: "x".repeat(300 * 1024) }).toString(),
    });
    expect(response.status).toBe(413);
    expect(await world.database.db.payout.count()).toBe(0);
  });
});
