// A form whose typed values stay a draft until it is sent: App Bridge's save bar is up while the
// fields differ from what the form started with, whichever field component keeps the value. Discard
// (the save bar's, or the form's own Cancel) and a successful send start the form afresh by mounting
// it anew, so fields that keep their own state are reset too and no stale error is left on them.
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { UnsavedChanges } from "./UnsavedChanges";

type Errors = Record<string, string>;
type Draft = { discard: () => void; errors: Errors };

export function DraftForm(props: {
  /** The save bar's id, unique on the page. */
  id: string;
  saving: boolean;
  /** The refusal of the last send of this form; not shown again once the draft is discarded. */
  errors: Errors;
  /** Changes identity on each successful send of this form: the form starts afresh. */
  savedBy: object | null;
  onDiscard?: () => void;
  children: (draft: Draft) => ReactNode;
}) {
  const [generation, setGeneration] = useState(0);
  const [discardedErrors, setDiscardedErrors] = useState<Errors | null>(null);
  useEffect(() => {
    if (props.savedBy) setGeneration((g) => g + 1);
  }, [props.savedBy]); // once per successful answer
  const discard = () => {
    setDiscardedErrors(props.errors);
    setGeneration((g) => g + 1);
    props.onDiscard?.();
  };
  const errors = props.errors === discardedErrors ? {} : props.errors;
  return (
    <DraftBody
      key={generation}
      id={props.id}
      saving={props.saving}
      draft={{ discard, errors }}
      render={props.children}
    />
  );
}

function DraftBody({
  id,
  saving,
  draft,
  render,
}: {
  id: string;
  saving: boolean;
  draft: Draft;
  render: (draft: Draft) => ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const started = serialize(element);
    let timer = 0;
    // After the event's re-render settles: a field may rewrite what was typed (upper case) or a
    // hidden input may follow a checkbox.
    const check = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setDirty(serialize(element) !== started), 0);
    };
    element.addEventListener("input", check);
    element.addEventListener("change", check);
    return () => {
      window.clearTimeout(timer);
      element.removeEventListener("input", check);
      element.removeEventListener("change", check);
    };
  }, []);
  return (
    <>
      <UnsavedChanges id={id} dirty={dirty} form={form} saving={saving} onDiscard={draft.discard} />
      <Form method="post" noValidate ref={form}>
        {render(draft)}
      </Form>
    </>
  );
}

function serialize(form: HTMLFormElement): string {
  return JSON.stringify(
    [...new FormData(form)].map(([name, value]) => [name, typeof value === "string" ? value : value.name]),
  );
}
