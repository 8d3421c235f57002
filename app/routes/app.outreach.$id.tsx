import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, Layout, Page, Text } from "@shopify/polaris";
import { requireShop } from "~/server/shop/shop-context.server";
import { outboxMessage } from "~/server/platform/outbox.server";
import { PORTAL_LINK_MARKER } from "~/server/program/portal-tokens.server";

// GET /app/outreach/:id: one message of the outbox as its recipient reads it.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const message = await outboxMessage(db, shop.id, params.id ?? "");
  if (!message) throw new Response("This message does not exist", { status: 404 });
  // The portal link is the influencer's alone: the merchant's copy shows where it goes.
  const hidden = (body: string) => body.replaceAll(PORTAL_LINK_MARKER, "(their private portal link)");
  return {
    ...message,
    bodyText: hidden(message.bodyText),
    bodyHtml: hidden(message.bodyHtml),
    sentAt: message.sentAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
};

export default function Message() {
  const m = useLoaderData<typeof loader>();
  return (
    <Page title={m.subject} backAction={{ content: "Outreach", url: "/app/outreach" }}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="p">
                To {m.toEmail} · <Badge>{m.status}</Badge>{" "}
                {m.sentAt
                  ? `sent ${m.sentAt.slice(0, 16).replace("T", " ")}`
                  : `queued ${m.createdAt.slice(0, 16).replace("T", " ")}`}
              </Text>
              {m.lastError && (
                <Text as="p" tone="critical">
                  {m.lastError}
                </Text>
              )}
              {/* The HTML part, in a sandbox: it was built from escaped text, and still runs nothing here. */}
              <Box borderWidth="025" borderColor="border" borderRadius="200">
                <iframe
                  title="Email"
                  sandbox=""
                  srcDoc={m.bodyHtml}
                  style={{ width: "100%", minHeight: 420, border: 0 }}
                />
              </Box>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
