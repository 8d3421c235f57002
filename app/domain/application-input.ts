// The public application form, as an influencer fills it in: each field's problem in plain words.
// `website` is a honeypot: hidden from people, filled in by form-filling bots.
import { z } from "zod";
import { emailAddress, issuesToErrors, type FieldErrors } from "./influencer-input";

const PROFILE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
// A profile as people write it: instagram.com/yourname, www.tiktok.com/@you (https:// added).
const BARE_PROFILE = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S+$/i;

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120, "Use at most 120 characters"),
  email: emailAddress("Enter an email address like name@example.com"),
  socialProfiles: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => (BARE_PROFILE.test(s) ? `https://${s}` : s)),
    )
    .pipe(
      z
        .array(z.string().regex(PROFILE, "Give each profile as a link, like instagram.com/yourname"))
        .min(1, "Add at least one profile link, like https://instagram.com/yourname")
        .max(10, "Add at most 10 profile links"),
    ),
  audienceSize: z
    .string()
    .default("")
    .transform((v) => v.replace(/[\s,._]/g, ""))
    .pipe(z.string().regex(/^\d{0,10}$/, "Enter your audience as a whole number, like 25000"))
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().max(2_000_000_000, "Enter an audience of at most 2,000,000,000").nullable()),
  categories: z.string().trim().max(300, "Use at most 300 characters").default(""),
  message: z.string().trim().max(2000, "Use at most 2,000 characters").default(""),
  website: z.string().default(""),
});

export type ApplicationInput = {
  name: string;
  email: string;
  socialProfiles: string[];
  audienceSize: number | null;
  categories: string;
  message: string;
};

export type ParsedApplication =
  { ok: true; input: ApplicationInput } | { ok: false; errors: FieldErrors } | { ok: false; spam: true };

export function parseApplication(raw: Record<string, string | undefined>): ParsedApplication {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    issuesToErrors(parsed.error.issues, errors);
    return { ok: false, errors };
  }
  const { website, ...input } = parsed.data;
  if (website.trim()) return { ok: false, spam: true };
  return { ok: true, input };
}
