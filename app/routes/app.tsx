import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  useLoaderData,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { NavMenu, useAppBridge } from "@shopify/app-bridge-react";
import { Button, Card, EmptyState, Page } from "@shopify/polaris";
import { useEffect, type ReactNode } from "react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { env } from "~/server/platform/env.server";
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

type Loaded = { apiKey: string; appBridgeUrl: string | null };

function AdminFrame({ apiKey, appBridgeUrl, children }: Loaded & { children: ReactNode }) {
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
      {children}
    </AppProvider>
  );
}

/** The admin's loading bar (App Bridge) while a page or a form's answer is on its way. */
function NavigationLoading() {
  const busy = useNavigation().state !== "idle";
  const shopify = useAppBridge();
  useEffect(() => {
    shopify.loading(busy);
  }, [busy]);
  return null;
}

export default function App() {
  const loaded = useLoaderData<typeof loader>();
  return (
    <AdminFrame {...loaded}>
      <NavigationLoading />
      <Outlet />
    </AdminFrame>
  );
}

// Shopify needs Remix to catch thrown responses (auth redirects, the bounce page) and pass them on.
// Our own errors (a page or row that does not exist, a crash) are a Polaris page with a way back;
// Shopify's auth responses (the session-token bounce page, for one) are left to Shopify's boundary.
export function ErrorBoundary() {
  const error = useRouteError();
  const loaded = useRouteLoaderData<Loaded>("routes/app");
  const ours = isRouteErrorResponse(error)
    ? error.status >= 400 && error.status !== 401 && typeof error.data === "string" && !error.data.includes("<")
    : !(error && typeof error === "object" && "constructor" in error && /ErrorResponse/.test(error.constructor.name));
  if (!ours || !loaded) return boundary.error(error);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <AdminFrame {...loaded}>
      <Page>
        <Card>
          <EmptyState heading={notFound ? "This page does not exist" : "Something went wrong"} image="">
            <p>
              {isRouteErrorResponse(error)
                ? (error as { internal?: boolean }).internal
                  ? "Check the address, or go back to Home."
                  : error.data
                : "The app could not show this page. Try again in a moment; nothing you saved is lost."}
            </p>
            <div style={{ marginTop: "var(--p-space-400)" }}>
              <Button url="/app" variant="primary">
                Back to Home
              </Button>
            </div>
          </EmptyState>
        </Card>
      </Page>
    </AdminFrame>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
