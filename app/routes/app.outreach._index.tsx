import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  DataTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { formFields, requireShop } from "~/server/shop/shop-context.server";
import { useSuccessToast } from "~/components/useSuccessToast";
import { Hidden } from "~/components/Hidden";
import { UnsavedChanges } from "~/components/UnsavedChanges";
import { EMAIL_KIND_NAMES, MERGE_FIELDS, type EmailKind } from "~/domain/email-templates";
import { mailTransport, recentMessages } from "~/server/platform/outbox.server";
import { answer } from "~/server/platform/commands.server";
import { outreachCommands } from "~/server/outreach/commands.server";
import { applicationUrl, previewEmail, prospectsToPitch, templateFor } from "~/server/outreach/outreach.server";

const KINDS = Object.keys(EMAIL_KIND_NAMES) as EmailKind[];

/**
 * The message box's height in rows, from the stored message, wrapped lines counted at the desktop
 * width: the page arrives as tall as Polaris makes the box once it measures the text, so nothing
 * below it moves.
 */
const messageRows = (text: string) =>
  Math.max(
    14,
    text.split("\n").reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / 110)), 1),
  );
const kindOf = (value: string | null | undefined): EmailKind =>
  KINDS.includes(value as EmailKind) ? (value as EmailKind) : "PITCH";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db, appUrl } = await requireShop(request);
  const params = new URL(request.url).searchParams;
  const kind = kindOf(params.get("kind"));
  const [template, prospects, messages] = await Promise.all([
    templateFor(db, shop.id, kind),
    prospectsToPitch(db, shop.id),
    recentMessages(db, shop.id),
  ]);
  return {
    kind,
    template,
    fields: MERGE_FIELDS[kind],
    preview: await previewEmail(db, shop, kind, template, appUrl),
    applyUrl: applicationUrl(appUrl, shop),
    mailConfigured: mailTransport() !== null,
    prospects,
    messages: messages.map((m) => ({
      ...m,
      sentAt: m.sentAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) =>
  answer(await outreachCommands(await requireShop(request), await formFields(request)));

const STATUS_TONES = { SENT: "success", QUEUED: "info", FAILED: "critical", SENDING: "warning" } as const;

export default function Outreach() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useSuccessToast(result, result?.ok ? result.message : null);
  const navigation = useNavigation();
  const pressed = navigation.formData?.get("intent"); // busy shows on the pressed button only
  const [, setParams] = useSearchParams();
  const [subject, setSubject] = useState(data.template.subject);
  const [body, setBody] = useState(data.template.body);
  const templateForm = useRef<HTMLFormElement>(null);
  const templateDirty = subject !== data.template.subject || body !== data.template.body;
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const preview = useFetcher<{ preview: { subject: string; text: string } }>();
  useEffect(() => {
    setSubject(data.template.subject);
    setBody(data.template.body);
  }, [data.kind, data.template.subject, data.template.body]);
  useEffect(() => {
    const timer = setTimeout(() => {
      preview.submit({ kind: data.kind, subject, body }, { method: "post", action: "/app/outreach/preview" });
    }, 400);
    return () => clearTimeout(timer);
  }, [subject, body, data.kind]);
  const shown = preview.data?.preview ?? data.preview;
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};

  return (
    <Page title="Outreach" subtitle="Pitch prospects, welcome new partners, and keep them up to date">
      <UnsavedChanges
        id="template-save-bar"
        dirty={templateDirty}
        form={templateForm}
        saving={pressed === "save"}
        onDiscard={() => {
          setSubject(data.template.subject);
          setBody(data.template.body);
        }}
      />
      <Layout>
        {!data.mailConfigured && (
          <Layout.Section>
            <Banner tone="info" title="Mail is not sent from this server">
              Set SMTP_URL to send through your mail provider. Until then messages wait in the outbox below, where you
              can read them.
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <Form method="post" ref={templateForm}>
              <BlockStack gap="300">
                <Hidden fields={{ intent: "save", kind: data.kind }} />
                <Select
                  label="Email"
                  options={KINDS.map((k) => ({ label: EMAIL_KIND_NAMES[k], value: k }))}
                  value={data.kind}
                  onChange={(value) => setParams({ kind: value })}
                />
                <TextField
                  label="Subject"
                  name="subject"
                  value={subject}
                  onChange={setSubject}
                  autoComplete="off"
                  error={errors.subject}
                />
                <TextField
                  label="Message"
                  name="body"
                  value={body}
                  onChange={setBody}
                  multiline={messageRows(data.template.body)}
                  autoComplete="off"
                  error={errors.body}
                />
                <Text as="p" tone="subdued" variant="bodySm">
                  Merge fields: {data.fields.map((f) => `{{${f}}}`).join(" ")}
                </Text>
                <InlineStack gap="200" align="end">
                  {data.template.custom && (
                    <Button onClick={() => document.getElementById("reset-template")?.click()}>
                      Use the default text
                    </Button>
                  )}
                  <Button submit loading={pressed === "save"}>
                    Save template
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
            <Form method="post" style={{ display: "none" }}>
              <Hidden fields={{ intent: "reset", kind: data.kind }} />
              <button id="reset-template" type="submit" />
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Preview
              </Text>
              <Text as="p" variant="headingSm">
                {shown.subject}
              </Text>
              <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                <div style={{ whiteSpace: "pre-wrap", fontSize: 14, lineHeight: 1.5 }}>{shown.text}</div>
              </Box>
            </BlockStack>
          </Card>
        </Layout.Section>
        {data.kind === "PITCH" && (
          <Layout.Section>
            <Card>
              <Form method="post">
                <BlockStack gap="300">
                  <Hidden fields={{ intent: "pitch" }} />
                  <Text as="h2" variant="headingMd">
                    Pitch prospects
                  </Text>
                  <Text as="p" tone="subdued">
                    Each prospect gets the pitch once and becomes invited. Your application form:{" "}
                    <Link url={data.applyUrl} target="_blank">
                      {data.applyUrl}
                    </Link>
                  </Text>
                  {data.prospects.length === 0 && (
                    <Text as="p">No prospects yet: add influencers with the status Prospect, or import them.</Text>
                  )}
                  {data.prospects.map((p) => (
                    <InlineStack key={p.id} gap="200" blockAlign="center">
                      <Checkbox
                        label={`${p.name} <${p.email}>`}
                        name={`prospect:${p.id}`}
                        value="on" // without a value Polaris' checkbox posts an empty one
                        checked={chosen[p.id] ?? false}
                        onChange={(checked) => setChosen({ ...chosen, [p.id]: checked })}
                      />
                      <Badge>{p.status === "INVITED" ? "Invited" : "Prospect"}</Badge>
                    </InlineStack>
                  ))}
                  {errors.prospects && <Banner tone="critical">{errors.prospects}</Banner>}
                  <InlineStack align="end">
                    <Button
                      submit
                      variant="primary"
                      disabled={!Object.values(chosen).some(Boolean)}
                      loading={pressed === "pitch"}
                    >
                      Send pitch
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Outbox
                </Text>
                <Form method="post">
                  <Hidden fields={{ intent: "retry" }} />
                  <Button submit disabled={!data.mailConfigured}>
                    Send what is due now
                  </Button>
                </Form>
              </InlineStack>
              {(errors.messageId || errors.intent || errors.kind) && (
                <Banner tone="critical">{errors.messageId || errors.intent || errors.kind}</Banner>
              )}
            </Box>
            <DataTable
              columnContentTypes={["text", "text", "text", "text", "text"]}
              headings={["To", "Subject", "Status", "When", ""]}
              rows={data.messages.map((m) => [
                m.influencer?.name ?? m.toEmail,
                <Link key="subject" url={`/app/outreach/${m.id}`} removeUnderline>
                  {m.subject}
                </Link>,
                <BlockStack key="status" gap="050">
                  <Badge tone={STATUS_TONES[m.status]}>
                    {m.status === "SENDING" ? "Interrupted" : m.status.charAt(0) + m.status.slice(1).toLowerCase()}
                  </Badge>
                  {m.lastError && (
                    <Text as="span" tone="critical" variant="bodySm">
                      {m.lastError} ({m.attempts} {m.attempts === 1 ? "try" : "tries"})
                    </Text>
                  )}
                </BlockStack>,
                (m.sentAt ?? m.createdAt).slice(0, 16).replace("T", " "),
                m.status === "FAILED" || m.status === "SENDING" ? (
                  <Form key="again" method="post">
                    <Hidden fields={{ intent: "retry", messageId: m.id }} />
                    <Button submit size="slim">
                      Send again
                    </Button>
                  </Form>
                ) : (
                  ""
                ),
              ])}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
