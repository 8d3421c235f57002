import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/@shopify/cli/bin/run.js");

function shopify(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" },
  });
}

describe("the theme app extension and the web pixel", () => {
  it("passes Shopify's theme check", () => {
    const run = shopify(["theme", "check", "--path", "extensions/referral-capture"]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain("no offenses found");
  });

  it("builds with `shopify app build`, the web pixel too", () => {
    const run = shopify(["app", "build", "--path", ".", "--skip-dependencies-installation"]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain("built!");
    expect(run.stdout + run.stderr).toContain("referral-pixel successfully built");
    const pixel = readFileSync(path.join(root, "extensions/referral-pixel/dist/referral-pixel.js"), "utf8");
    expect(pixel).toContain("shopify.extend("); // registered the way Shopify's sandbox loads it...
    expect(pixel).toContain('"WebPixel::Render"'); // ...as a web pixel
    expect(pixel.length).toBeLessThan(4096);
  });

  it("declares the pixel strict and loaded only with the shopper's consent to marketing", () => {
    const toml = readFileSync(path.join(root, "extensions/referral-pixel/shopify.extension.toml"), "utf8");
    expect(toml).toMatch(/^type = "web_pixel_extension"$/m);
    expect(toml).toMatch(/^runtime_context = "strict"$/m);
    expect(toml).toMatch(/\[customer_privacy\][^[]*marketing = true/);
    expect(toml).toMatch(/\[settings\.fields\.collectUrl\]/);
  });

  it("is an app embed in the head that loads one deferred script with the window setting", () => {
    const liquid = readFileSync(path.join(root, "extensions/referral-capture/blocks/referral-capture.liquid"), "utf8");
    const schema = JSON.parse(/{% schema %}([\s\S]*){% endschema %}/.exec(liquid)![1]);
    expect(schema.target).toBe("head");
    expect(schema.settings[0]).toMatchObject({ id: "window_days", default: 30 });
    expect(liquid).toContain("{{ 'referral-capture.js' | asset_url }}");
    expect(liquid).toMatch(/\bdefer\b/);
    const script = readFileSync(path.join(root, "extensions/referral-capture/assets/referral-capture.js"));
    expect(script.length).toBeLessThan(4096); // no framework: it must stay small (4 KB, comments and the consent check included)
  });
});
