// The frame of the pages influencers open outside the Shopify admin (application form, portal,
// email opt-out): Polaris without App Bridge, laid out for a phone first.
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { AppProvider, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";

/** Whose page it is: the shop's logo (from its Shopify brand settings) and name, above the page. */
export type ShopMark = { shopName: string; logoUrl: string | null };

export function PublicFrame({ children, shop }: { children: ReactNode; shop?: ShopMark }) {
  return (
    <AppProvider i18n={translations}>
      <div style={{ maxWidth: 640, margin: "0 auto", padding: "16px 12px 48px" }}>
        {shop && <Masthead {...shop} />}
        {children}
      </div>
    </AppProvider>
  );
}

function Masthead({ shopName, logoUrl }: ShopMark) {
  return (
    <header style={{ marginBottom: 16 }}>
      <InlineStack gap="300" blockAlign="center" wrap={false}>
        {/* The logo's box is fixed, so the page does not move when it arrives. */}
        {logoUrl && (
          <img src={logoUrl} alt="" width={40} height={40} style={{ objectFit: "contain", borderRadius: 8 }} />
        )}
        <Text as="p" variant="headingMd">
          {shopName}
        </Text>
      </InlineStack>
    </header>
  );
}

export const publicLinks = () => [{ rel: "stylesheet", href: polarisStyles }];

/** A public page's error (an unknown link, too many attempts) in plain words. */
export function PublicError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? String(error.data) : "Something went wrong. Try again in a moment.";
  return (
    <PublicFrame>
      <Text as="p" variant="headingMd">
        {message}
      </Text>
    </PublicFrame>
  );
}

/**
 * A page reached from an email link that asks before it acts: the GET shows the question, the
 * button POSTs, and `done` (once acted) replaces both. Mail scanners open links; they never post.
 */
export function AskThenAct({
  title,
  question,
  button,
  done,
}: {
  title: string;
  question: string;
  button: string;
  done: string | null;
}) {
  return (
    <PublicFrame>
      <Card>
        <BlockStack gap="300">
          <Text as="h1" variant="headingLg">
            {title}
          </Text>
          {done ? (
            <Text as="p">{done}</Text>
          ) : (
            <Form method="post">
              <BlockStack gap="300">
                <Text as="p">{question}</Text>
                <Button submit variant="primary">
                  {button}
                </Button>
              </BlockStack>
            </Form>
          )}
        </BlockStack>
      </Card>
    </PublicFrame>
  );
}
