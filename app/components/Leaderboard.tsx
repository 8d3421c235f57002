// Influencers side by side, sortable by any figure, so a merchant sees at a glance whom to call.
import { Link } from "@remix-run/react";
import { DataTable } from "@shopify/polaris";
import { useState } from "react";
import { formatMoney } from "~/domain/money";
import type { InfluencerFigures } from "~/models/reports.server";

export type LeaderboardRow = Omit<InfluencerFigures, "email" | "codes">;

const COLUMNS: Array<{ heading: string; value: (r: LeaderboardRow) => number | null }> = [
  { heading: "Net sales", value: (r) => r.netSalesMinor },
  { heading: "Orders", value: (r) => r.orders },
  { heading: "Conversion", value: (r) => r.conversion },
  { heading: "AOV", value: (r) => r.aovMinor },
  { heading: "New customers", value: (r) => (r.orders ? r.newCustomerOrders / r.orders : null) },
  { heading: "Commission", value: (r) => r.commissionMinor },
  { heading: "Costs", value: (r) => r.costsMinor },
  { heading: "ROAS", value: (r) => r.roas },
  { heading: "ROI", value: (r) => r.roi },
];

const percent = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
const times = (v: number | null) => (v === null ? "-" : `${v.toFixed(2)}x`);

export function Leaderboard({ rows, currency }: { rows: LeaderboardRow[]; currency: string }) {
  const [sort, setSort] = useState({ column: 0, direction: "descending" as "ascending" | "descending" });
  const money = (v: number | null) => (v === null ? "-" : formatMoney(v, currency));
  const sorted = [...rows].sort((a, b) => {
    const x = COLUMNS[sort.column].value(a) ?? -Infinity;
    const y = COLUMNS[sort.column].value(b) ?? -Infinity;
    return sort.direction === "descending" ? y - x : x - y;
  });
  return (
    <DataTable
      columnContentTypes={["text", ...COLUMNS.map(() => "numeric" as const)]}
      headings={["Influencer", ...COLUMNS.map((c) => c.heading)]}
      sortable={[false, ...COLUMNS.map(() => true)]}
      defaultSortDirection="descending"
      initialSortColumnIndex={1}
      onSort={(index, direction) => setSort({ column: index - 1, direction: direction === "ascending" ? "ascending" : "descending" })}
      rows={sorted.map((r) => [
        <Link key={r.influencerId} to={`/app/influencers/${r.influencerId}`}>
          {r.name}
        </Link>,
        money(r.netSalesMinor),
        r.orders,
        percent(r.conversion),
        money(r.aovMinor),
        percent(r.orders ? r.newCustomerOrders / r.orders : null),
        money(r.commissionMinor),
        money(r.costsMinor),
        times(r.roas),
        percent(r.roi),
      ])}
    />
  );
}
