import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATES,
  MERGE_FIELDS,
  firstName,
  parseTemplate,
  renderEmail,
  unknownFields,
  type EmailKind,
} from "./email-templates";

describe("email templates", () => {
  it("ships defaults that use only their own merge fields", () => {
    for (const kind of Object.keys(DEFAULT_TEMPLATES) as EmailKind[]) {
      const { subject, body } = DEFAULT_TEMPLATES[kind];
      expect(unknownFields(kind, subject + body), kind).toEqual([]);
    }
  });

  it("refuses a merge field the kind does not know, naming it and the ones it knows", () => {
    const parsed = parseTemplate("PITCH", { subject: "Hi {{frist_name}}", body: "Join us: {{portal_link}}" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.subject).toContain("Unknown merge field {{frist_name}}");
    expect(parsed.errors.body).toContain("{{portal_link}}");
    expect(parsed.errors.body).toContain(MERGE_FIELDS.PITCH.map((f) => `{{${f}}}`).join(", "));
  });

  it("refuses an empty subject or body", () => {
    expect(parseTemplate("WELCOME", { subject: " ", body: "" })).toEqual({
      ok: false,
      errors: { subject: "Write a subject", body: "Write the message" },
    });
  });

  it("fills the fields: as typed in the text part, escaped in the HTML part", () => {
    const email = renderEmail(
      { subject: "Hi {{ first_name }}\n", body: "From {{shop_name}}.\n\nApply: {{application_link}}" },
      { first_name: "<Maya>", shop_name: "Glow & Co", application_link: "https://app.example.com/apply/glow" },
      "Stop these emails: https://app.example.com/unsubscribe/t",
    );
    expect(email.subject).toBe("Hi <Maya> ");
    expect(email.text).toBe(
      "From Glow & Co.\n\nApply: https://app.example.com/apply/glow\n\n--\nStop these emails: https://app.example.com/unsubscribe/t",
    );
    expect(email.html).toContain("<p>From Glow &amp; Co.</p>");
    expect(email.html).toContain('<a href="https://app.example.com/apply/glow">https://app.example.com/apply/glow</a>');
    expect(
      renderEmail({ subject: "{{first_name}}", body: "{{first_name}}" }, { first_name: "<script>x</script>" }).html,
    ).not.toContain("<script>");
  });

  it("greets by first name", () => {
    expect(firstName("  Maya   Lopez ")).toBe("Maya");
  });
});
