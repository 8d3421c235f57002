// A small line of one influencer's net sales per day, for the leaderboard. polaris-viz draws in
// the browser only: the module is loaded once after hydration, with an empty cell until then.
import { useEffect, useState } from "react";

type Viz = typeof import("@shopify/polaris-viz");

// Straight segments, as in the sales chart: a smoothed curve dips below zero.
const STRAIGHT_LINES = { Light: { line: { hasSpline: false } } };
let loading: Promise<Viz> | null = null;

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const [viz, setViz] = useState<Viz | null>(null);
  useEffect(() => {
    let alive = true;
    loading ??= import("@shopify/polaris-viz");
    void loading.then((module) => alive && setViz(module));
    return () => {
      alive = false;
    };
  }, []);
  if (!viz) return <div style={{ width: 96, height: 28 }} aria-hidden />;
  const { PolarisVizProvider, SparkLineChart } = viz;
  return (
    <div style={{ width: 96, height: 28 }}>
      <PolarisVizProvider themes={STRAIGHT_LINES}>
        <SparkLineChart
          theme="Light"
          accessibilityLabel={label}
          isAnimated={false}
          data={[{ name: label, data: values.map((value, i) => ({ key: i, value })) }]}
        />
      </PolarisVizProvider>
    </div>
  );
}
