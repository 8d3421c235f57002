// Influencers side by side, sortable by any figure, so a merchant sees at a glance whom to call.
import { useFetcher } from "@remix-run/react";
import { DataTable, Link } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { formatMoney } from "~/domain/money";
import { Sparkline } from "./Sparkline";
import type { InfluencerFigures } from "~/server/reporting/reports.server";

export type LeaderboardRow = Omit<InfluencerFigures, "email" | "codes">;

const PAGE = 25;

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

type Trends = Record<string, number[]>;

/** `trends`: sparklines known up front; with `range`, the ones of other pages are fetched as shown. */
export function Leaderboard({
  rows,
  currency,
  trends,
  range,
}: {
  rows: LeaderboardRow[];
  currency: string;
  trends?: Trends;
  range?: { from: string; to: string };
}) {
  const [sort, setSort] = useState({ column: 0, direction: "descending" as "ascending" | "descending" });
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const money = (v: number | null) => (v === null ? "-" : formatMoney(v, currency));
  const sorted = [...rows].sort((a, b) => {
    const x = COLUMNS[sort.column].value(a) ?? -Infinity;
    const y = COLUMNS[sort.column].value(b) ?? -Infinity;
    return sort.direction === "descending" ? y - x : x - y;
  });
  const shown = sorted.slice(page * PAGE, (page + 1) * PAGE);
  const showTrend = trends !== undefined;
  const [known, setKnown] = useState<Trends>(trends ?? {});
  const fetcher = useFetcher<{ trends: Trends }>();
  const asked = useRef(new Set<string>()); // each asked for once, even if the answer fails
  const missing =
    showTrend && range
      ? shown.filter((r) => !known[r.influencerId] && !asked.current.has(r.influencerId)).map((r) => r.influencerId)
      : [];
  useEffect(() => {
    if (!missing.length || fetcher.state !== "idle") return;
    missing.forEach((id) => asked.current.add(id));
    fetcher.load(`/app/trends?ids=${missing.join(",")}&from=${range!.from}&to=${range!.to}`);
  }, [missing.join(","), fetcher.state]);
  useEffect(() => {
    if (fetcher.data?.trends) setKnown((before) => ({ ...before, ...fetcher.data!.trends }));
  }, [fetcher.data]);
  return (
    <DataTable
      columnContentTypes={["text", ...(showTrend ? ["text" as const] : []), ...COLUMNS.map(() => "numeric" as const)]}
      headings={["Influencer", ...(showTrend ? ["Net sales per day"] : []), ...COLUMNS.map((c) => c.heading)]}
      sortable={[false, ...(showTrend ? [false] : []), ...COLUMNS.map(() => true)]}
      defaultSortDirection="descending"
      initialSortColumnIndex={showTrend ? 2 : 1}
      onSort={(index, direction) => {
        setSort({
          column: index - (showTrend ? 2 : 1),
          direction: direction === "ascending" ? "ascending" : "descending",
        });
        setPage(0);
      }}
      pagination={
        pages > 1
          ? {
              hasPrevious: page > 0,
              hasNext: page < pages - 1,
              onPrevious: () => setPage(page - 1),
              onNext: () => setPage(page + 1),
              label: `${page * PAGE + 1}-${Math.min(rows.length, (page + 1) * PAGE)} of ${rows.length}`,
            }
          : undefined
      }
      rows={shown.map((r) => [
        <Link key={r.influencerId} url={`/app/influencers/${r.influencerId}`} removeUnderline>
          {r.name}
        </Link>,
        ...(showTrend
          ? [
              known[r.influencerId] ? (
                <Sparkline key="trend" values={known[r.influencerId]} label={`Net sales per day of ${r.name}`} />
              ) : (
                <span key="trend" />
              ),
            ]
          : []),
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
