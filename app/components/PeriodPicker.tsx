// The period a report covers: the last 7, 30 or 90 days, or dates of the merchant's choosing. It
// changes the page's URL (from, to, preset), keeping the page's other parameters.
import { useNavigate, useSearchParams } from "@remix-run/react";
import { Button, InlineStack, Select, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { addDays } from "~/domain/shop-time";

const PRESETS = [
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
  { label: "Custom", value: "custom" },
];

export function PeriodPicker({ range, error }: { range: { from: string; to: string }; error?: string | null }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [custom, setCustom] = useState(range);
  useEffect(() => setCustom(range), [range.from, range.to]); // another period arrived
  const preset = params.get("preset") ?? (params.get("from") ? "custom" : "30");
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) next.set(name, value);
    navigate(`?${next}`, { preventScrollReset: true });
  };
  const choose = (value: string) => {
    if (value === "custom") return go({ preset: "custom", from: custom.from, to: custom.to });
    const from = addDays(range.to, 1 - Number(value));
    go({ preset: value, from, to: range.to });
  };
  return (
    <InlineStack gap="200" blockAlign="end">
      <Select label="Period" options={PRESETS} value={preset} onChange={choose} />
      {preset === "custom" && (
        <>
          <TextField
            label="From"
            type="date"
            autoComplete="off"
            value={custom.from}
            onChange={(from) => setCustom({ ...custom, from })}
            error={error ?? undefined}
          />
          <TextField
            label="To"
            type="date"
            autoComplete="off"
            value={custom.to}
            onChange={(to) => setCustom({ ...custom, to })}
          />
          <Button onClick={() => go({ preset: "custom", from: custom.from, to: custom.to })}>Apply</Button>
        </>
      )}
    </InlineStack>
  );
}
