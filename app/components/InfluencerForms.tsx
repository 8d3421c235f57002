// The influencer page's forms that change something (profile, a new code, a new link). Each is a
// draft under App Bridge's save bar until sent; each keeps its own values, so starting it afresh
// (Discard, Cancel, a success) is mounting it anew.
import { BlockStack, Button, FormLayout, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DiscountFields } from "./DiscountFields";
import { DraftForm } from "./DraftForm";
import { Hidden } from "./Hidden";

/** What each form is told by the page: how its last send went and whether it is being sent. */
export type FormState = { errors: Record<string, string>; savedBy: object | null; saving: boolean; busy: boolean };

export type Profile = { name: string; email: string; commissionPercent: string; tags: string };

export function ProfileForm({
  stored,
  defaultCommission,
  state,
}: {
  stored: Profile;
  defaultCommission: string;
  state: FormState;
}) {
  return (
    <DraftForm id="profile-save-bar" {...state}>
      {({ errors }) => (
        <ProfileFields stored={stored} defaultCommission={defaultCommission} errors={errors} state={state} />
      )}
    </DraftForm>
  );
}

function ProfileFields({
  stored,
  defaultCommission,
  errors,
  state,
}: {
  stored: Profile;
  defaultCommission: string;
  errors: Record<string, string>;
  state: FormState;
}) {
  const [profile, setProfile] = useState(stored);
  const field = (key: keyof Profile) => ({
    name: key,
    autoComplete: "off",
    value: profile[key],
    onChange: (v: string) => setProfile({ ...profile, [key]: v }),
    error: errors[key],
  });
  return (
    <BlockStack gap="300">
      <Hidden fields={{ intent: "profile" }} />
      <Text as="h2" variant="headingMd">
        Profile
      </Text>
      <TextField label="Name" {...field("name")} />
      <TextField label="Email" {...field("email")} />
      <TextField
        label="Commission"
        suffix="%"
        placeholder={defaultCommission}
        helpText={`Empty: the shop default (${defaultCommission}%)`}
        {...field("commissionPercent")}
      />
      <TextField label="Tags" helpText="Separated by commas" {...field("tags")} />
      <InlineStack align="end">
        <Button submit disabled={state.busy} loading={state.saving}>
          Save
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

export function CodeBuilder({ currency, state, onClose }: { currency: string; state: FormState; onClose: () => void }) {
  return (
    <DraftForm id="code-save-bar" {...state} onDiscard={onClose}>
      {({ discard, errors }) => (
        <BlockStack gap="300">
          <Hidden fields={{ intent: "add-code" }} />
          <Text as="h3" variant="headingSm">
            Add a code
          </Text>
          <CodeField error={errors.code} />
          <DiscountFields errors={errors} currency={currency} />
          <InlineStack align="end" gap="200">
            <Button onClick={discard}>Cancel</Button>
            <Button submit disabled={state.busy} loading={state.saving}>
              Create code in Shopify
            </Button>
          </InlineStack>
        </BlockStack>
      )}
    </DraftForm>
  );
}

function CodeField({ error }: { error?: string }) {
  const [code, setCode] = useState("");
  return (
    <TextField
      label="Code"
      name="code"
      autoComplete="off"
      value={code}
      onChange={(v) => setCode(v.toUpperCase())}
      error={error}
    />
  );
}

export function LinkBuilder({
  codes,
  state,
  onClose,
}: {
  codes: Array<{ id: string; code: string }>;
  state: FormState;
  onClose: () => void;
}) {
  return (
    <DraftForm id="link-save-bar" {...state} onDiscard={onClose}>
      {({ discard, errors }) => (
        <BlockStack gap="300">
          <Hidden fields={{ intent: "add-link" }} />
          <Text as="h3" variant="headingSm">
            Link builder
          </Text>
          <LinkFields codes={codes} errors={errors} />
          <InlineStack align="end" gap="200">
            <Button onClick={discard}>Cancel</Button>
            <Button submit disabled={state.busy} loading={state.saving}>
              Create link
            </Button>
          </InlineStack>
        </BlockStack>
      )}
    </DraftForm>
  );
}

function LinkFields({ codes, errors }: { codes: Array<{ id: string; code: string }>; errors: Record<string, string> }) {
  const [link, setLink] = useState({ destinationPath: "/", discountCodeId: codes[0]?.id ?? "", slug: "" });
  return (
    <FormLayout>
      <TextField
        label="Page to open"
        name="destinationPath"
        autoComplete="off"
        helpText="A page of your store: / for the home page, /products/..., /collections/..."
        value={link.destinationPath}
        onChange={(v) => setLink({ ...link, destinationPath: v })}
        error={errors.destinationPath}
      />
      <InlineGrid columns={2} gap="300">
        <Select
          label="Apply code"
          name="discountCodeId"
          options={[{ label: "No code", value: "" }, ...codes.map((c) => ({ label: c.code, value: c.id }))]}
          value={link.discountCodeId}
          onChange={(v) => setLink({ ...link, discountCodeId: v })}
          error={errors.discountCodeId}
        />
        <TextField
          label="Link name"
          name="slug"
          autoComplete="off"
          placeholder="from the influencer's name"
          value={link.slug}
          onChange={(v) => setLink({ ...link, slug: v.toLowerCase() })}
          error={errors.slug}
        />
      </InlineGrid>
    </FormLayout>
  );
}
