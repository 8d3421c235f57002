// App Bridge's save bar for a form with unsaved changes: its Save submits the form, Discard puts
// the stored values back. The admin then asks before the merchant leaves the page unsaved.
import { SaveBar } from "@shopify/app-bridge-react";
import type { RefObject } from "react";

export function UnsavedChanges(props: {
  id: string;
  dirty: boolean;
  form: RefObject<HTMLFormElement | null>;
  saving: boolean;
  onDiscard: () => void;
}) {
  return (
    <SaveBar id={props.id} open={props.dirty}>
      <button
        variant="primary"
        onClick={() => props.form.current?.requestSubmit()}
        loading={props.saving ? "" : undefined}
      >
        Save
      </button>
      <button onClick={props.onDiscard}>Discard</button>
    </SaveBar>
  );
}
