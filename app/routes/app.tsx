import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const { SHOPIFY_API_KEY, APP_BRIDGE_URL } = env();
  return { apiKey: SHOPIFY_API_KEY, appBridgeUrl: APP_BRIDGE_URL ?? null };
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  const standIn = appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {};
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...standIn}>
      <NavMenu>
        <Link to="/app" rel="home">
          Home
        </Link>
        <Link to="/app/influencers">Influencers</Link>
        <Link to="/app/applications">Applications</Link>
        <Link to="/app/outreach">Outreach</Link>
        <Link to="/app/categories">Categories</Link>
        <Link to="/app/what-works">What works</Link>
        <Link to="/app/payouts">Payouts</Link>
        <Link to="/app/settings">Settings</Link>
        <Link to="/app/backfill">Import past orders</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses (auth redirects, the bounce page) and pass them on.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
