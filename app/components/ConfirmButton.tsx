// A button whose action asks first, in an App Bridge modal: archive, decline, cancel, end links.
// The confirmed action posts `fields` to the page's action, as the button's own form would.
import { useSubmit } from "@remix-run/react";
import { Modal, TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { Box, Button, Text } from "@shopify/polaris";
import { useId } from "react";

export function ConfirmButton(props: {
  label: string;
  title: string;
  message: string;
  confirmLabel?: string;
  fields: Record<string, string>;
  action?: string;
  destructive?: boolean;
  disabled?: boolean;
  size?: "slim" | "medium";
}) {
  const id = `confirm-${useId().replace(/[^a-zA-Z0-9-]/g, "")}`;
  const submit = useSubmit();
  const shopify = useAppBridge();
  return (
    <>
      <Button
        tone={props.destructive ? "critical" : undefined}
        size={props.size}
        disabled={props.disabled}
        onClick={() => shopify.modal.show(id)}
      >
        {props.label}
      </Button>
      <Modal id={id}>
        <Box padding="400">
          <Text as="p">{props.message}</Text>
        </Box>
        <TitleBar title={props.title}>
          <button
            variant="primary"
            tone={props.destructive ? "critical" : undefined}
            onClick={() => {
              void shopify.modal.hide(id);
              submit(props.fields, { method: "post", ...(props.action ? { action: props.action } : {}) });
            }}
          >
            {props.confirmLabel ?? props.label}
          </button>
          <button onClick={() => shopify.modal.hide(id)}>Go back</button>
        </TitleBar>
      </Modal>
    </>
  );
}
