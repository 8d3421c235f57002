// Net sales and orders per day. polaris-viz draws in the browser only: it is loaded after
// hydration, with a skeleton until then.
import { SkeletonBodyText } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formatMinor } from "~/domain/money";

type Viz = typeof import("@shopify/polaris-viz");

// Straight segments between days: a smoothed curve dips below zero between a day of sales and a
// day without, drawing sales that never happened.
const STRAIGHT_LINES = { Light: { line: { hasSpline: false } } };
const CHART_HEIGHT = 280;

export function SalesChart({
  series,
  currency,
}: {
  series: Array<{ day: string; netSalesMinor: number; orders: number }>;
  currency: string;
}) {
  const [viz, setViz] = useState<Viz | null>(null);
  useEffect(() => {
    let alive = true;
    void import("@shopify/polaris-viz").then((module) => alive && setViz(module));
    return () => {
      alive = false;
    };
  }, []);
  // The skeleton takes the chart's own height, so nothing below moves when the chart arrives.
  if (!viz)
    return (
      <div style={{ height: CHART_HEIGHT }}>
        <SkeletonBodyText lines={8} />
      </div>
    );
  const { PolarisVizProvider, LineChart } = viz;
  return (
    <div style={{ height: CHART_HEIGHT }}>
      <PolarisVizProvider themes={STRAIGHT_LINES}>
        <LineChart
          theme="Light"
          data={[
            {
              name: `Net sales (${currency})`,
              data: series.map((d) => ({ key: d.day.slice(5), value: Number(formatMinor(d.netSalesMinor, currency)) })),
            },
          ]}
          xAxisOptions={{ labelFormatter: (value) => String(value) }}
          isAnimated={false}
        />
      </PolarisVizProvider>
    </div>
  );
}
