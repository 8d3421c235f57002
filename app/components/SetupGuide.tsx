// The setup guide on Home for a new shop: five steps, each ticked when done, the next one with the
// page's primary button; dismissible. It goes away by itself once every step is done.
import { useFetcher } from "@remix-run/react";
import { BlockStack, Box, Button, Card, Icon, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { CheckCircleIcon } from "@shopify/polaris-icons";
import type { ReactNode } from "react";
import { setupSummary, type EmbedStatus, type SetupDone, type SetupStepId } from "~/domain/setup-guide";
import { useToast } from "./useSuccessToast";

type Step = { id: SetupStepId; title: string; help: string; action: (primary: boolean) => ReactNode };

function Pending() {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: 18,
        height: 18,
        margin: 1,
        borderRadius: "50%",
        border: "1.5px dashed var(--p-color-icon-secondary)",
      }}
    />
  );
}

/** A step whose action is one button to another page. */
const goTo = (label: string, url: string, target?: "_top") => (primary: boolean) => (
  <Button variant={primary ? "primary" : undefined} url={url} target={target}>
    {label}
  </Button>
);

export function SetupGuide(props: {
  done: Omit<SetupDone, "embed">;
  embed: EmbedStatus;
  themeEditorUrl: string;
  applyUrl: string;
}) {
  const mark = useFetcher();
  const showToast = useToast();
  const done: SetupDone = { ...props.done, embed: props.embed === "on" };
  const { count, total, complete } = setupSummary(done);
  if (complete || mark.formData?.get("intent") === "setup-dismiss") return null;

  const steps: Step[] = [
    {
      id: "embed",
      title: "Turn on the Referral capture app embed",
      help:
        props.embed === "unknown"
          ? "It keeps the influencer's link in the cart, so the order is theirs even without a code. Turn it on in your theme, then come back here."
          : "It keeps the influencer's link in the cart, so the order is theirs even without a code. It is off in your published theme.",
      action: goTo("Open the theme editor", props.themeEditorUrl, "_top"),
    },
    {
      id: "commission",
      title: "Set your commission",
      help: "What influencers earn on the sales they bring, how long you hold it before it is payable, and when you pay out.",
      action: goTo("Review commission", "/app/settings"),
    },
    {
      id: "influencer",
      title: "Add your first influencer",
      help: "Each gets a discount code in Shopify and a referral link. Have a list? Import it as a CSV file.",
      action: (primary) => (
        <InlineStack gap="200">
          <Button variant={primary ? "primary" : undefined} url="/app/influencers/new">
            Add influencer
          </Button>
          <Button url="/app/influencers/import">Import CSV</Button>
        </InlineStack>
      ),
    },
    {
      id: "form",
      title: "Share your application form",
      help: `Creators apply at ${props.applyUrl}; you approve them under Applications.`,
      action: (primary) => (
        <Button
          variant={primary ? "primary" : undefined}
          onClick={() => {
            void navigator.clipboard?.writeText(props.applyUrl);
            mark.submit({ intent: "setup-form-shared" }, { method: "post" });
            showToast("Application form link copied");
          }}
        >
          Copy form link
        </Button>
      ),
    },
    {
      id: "pastOrders",
      title: "Import past orders",
      help: "Orders placed with your influencers' codes before you installed the app, so their results start complete.",
      action: goTo("Import past orders", "/app/backfill"),
    },
  ];
  const next = steps.find((s) => !done[s.id])?.id;

  return (
    <section aria-label="Setup guide">
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="start">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                Set up your influencer program
              </Text>
              <Text as="p" tone="subdued">{`${count} of ${total} steps done`}</Text>
            </BlockStack>
            <mark.Form method="post">
              <input type="hidden" name="intent" value="setup-dismiss" />
              <Button variant="tertiary" submit accessibilityLabel="Dismiss the setup guide">
                Dismiss
              </Button>
            </mark.Form>
          </InlineStack>
          <ProgressBar progress={(count / total) * 100} size="small" tone="primary" />
          <BlockStack gap="300">
            {steps.map((step) => (
              <InlineStack key={step.id} gap="300" blockAlign="start" wrap={false}>
                <Box minWidth="20px">
                  {done[step.id] ? (
                    <Icon source={CheckCircleIcon} tone="success" accessibilityLabel="Done" />
                  ) : (
                    <Pending />
                  )}
                </Box>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm" tone={done[step.id] ? "subdued" : undefined}>
                    {step.title}
                  </Text>
                  {!done[step.id] && (
                    <>
                      <Text as="p" tone="subdued">
                        {step.help}
                      </Text>
                      <InlineStack>{step.action(step.id === next)}</InlineStack>
                    </>
                  )}
                </BlockStack>
              </InlineStack>
            ))}
          </BlockStack>
        </BlockStack>
      </Card>
    </section>
  );
}
