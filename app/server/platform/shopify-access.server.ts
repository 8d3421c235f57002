// Offline access to a shop's Admin API for work with no merchant in the browser: webhook
// processing, the backfill, commands. Shopify's offline tokens expire after an hour and come with a
// refresh token; from 2027-01-01 Shopify refuses the non-expiring tokens public apps used to hold.
// So every background call goes through here: the token is renewed a few minutes before it
// expires (and once more if Shopify refuses it anyway), a legacy non-expiring token is migrated to
// an expiring pair, and renewals of one shop take turns across servers, because each refresh
// rotates the refresh token and the pair must be stored whole (docs/decisions/006).
import { HttpResponseError, LogSeverity, RequestedTokenType, Session, shopifyApi } from "@shopify/shopify-api";
import { API_VERSION } from "../../api-version";
import db, { dbKind, type Tx } from "./db.server";
import { env } from "./env.server";
import type { AdminGraphql } from "./admin-api.server";
import { lockKey } from "./locks.server";
import { recordAdminAccess } from "../shop/shops.server";
import { unauthenticated } from "../../shopify.server";
import { appTokenKey, openToken, sealToken } from "./token-vault.server";

/** Renewed this long before expiry: earlier than the library's own 5 minutes, so it never races us. */
const RENEW_BEFORE_MS = 10 * 60_000;

/** Background work cannot reach the shop's Admin API until a merchant opens the app again. */
export class ShopifyAccessError extends Error {}

let oauth: ReturnType<typeof shopifyApi>["auth"] | undefined;
function tokenEndpoint() {
  // The same app identity as shopify.server.ts; only its token calls are used (refresh, migrate),
  // through the same fetch, so the stand-in answers them in tests and the demo.
  if (!oauth) {
    const config = env();
    oauth = shopifyApi({
      apiKey: config.SHOPIFY_API_KEY,
      apiSecretKey: config.SHOPIFY_API_SECRET,
      apiVersion: API_VERSION,
      scopes: config.SCOPES.split(","),
      hostName: new URL(config.SHOPIFY_APP_URL).host,
      isEmbeddedApp: true,
      logger: { level: LogSeverity.Error },
      ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
    }).auth;
  }
  return oauth;
}

const offlineId = (shop: string) => `offline_${shop}`;
const vaultKey = appTokenKey;

function needsRenewal(session: Session, refusedToken?: string): boolean {
  return !session.expires || session.isExpired(RENEW_BEFORE_MS) || session.accessToken === refusedToken;
}

async function renew(session: Session): Promise<Session> {
  const auth = tokenEndpoint();
  const shop = session.shop;
  if (!session.expires) {
    return (await auth.migrateToExpiringToken({ shop, nonExpiringOfflineAccessToken: session.accessToken ?? "" }))
      .session;
  }
  const refreshUsable =
    session.refreshToken && (!session.refreshTokenExpires || session.refreshTokenExpires.getTime() > Date.now());
  if (!refreshUsable)
    throw new ShopifyAccessError(`Shopify access for ${shop} expired and there is no refresh token to renew it`);
  return (await auth.refreshToken({ shop, refreshToken: session.refreshToken! })).session;
}

// The offline session row, read and written on the connection that holds the renewal's lock (a
// second connection per renewal could exhaust the pool when many shops renew at once).
async function loadOffline(tx: Tx, shop: string): Promise<Session | undefined> {
  const row = await tx.session.findUnique({ where: { id: offlineId(shop) } });
  if (!row) return undefined;
  let accessToken: string;
  let refreshToken: string | undefined;
  try {
    accessToken = openToken(vaultKey(), row.accessToken);
    refreshToken = row.refreshToken ? openToken(vaultKey(), row.refreshToken) : undefined;
  } catch {
    return undefined; // sealed with another key: as the session storage does, as if not installed
  }
  return new Session({
    id: row.id,
    shop: row.shop,
    state: row.state,
    isOnline: row.isOnline,
    scope: row.scope ?? undefined,
    accessToken,
    expires: row.expires ?? undefined,
    refreshToken,
    refreshTokenExpires: row.refreshTokenExpires ?? undefined,
  });
}

async function storeOffline(tx: Tx, session: Session) {
  // The pair and both expiry dates in one statement: a refresh rotates the refresh token.
  const pair = {
    accessToken: sealToken(vaultKey(), session.accessToken ?? ""),
    scope: session.scope ?? null,
    expires: session.expires ?? null,
    refreshToken: session.refreshToken ? sealToken(vaultKey(), session.refreshToken) : null,
    refreshTokenExpires: session.refreshTokenExpires ?? null,
  };
  await tx.session.upsert({
    where: { id: session.id },
    create: { id: session.id, shop: session.shop, state: session.state ?? "", isOnline: false, ...pair },
    update: pair,
  });
}

/** PostgreSQL: renewals of one shop wait for each other across servers. SQLite has one server. */
async function oneAtATime<T>(key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (dbKind !== "postgresql") return work(db);
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, dbKind, key);
      return work(tx);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

async function renewIfDue(shop: string, refusedToken?: string): Promise<Session> {
  const stored = await loadOffline(db, shop);
  if (!stored) throw new ShopifyAccessError(`${shop} has no offline access token: the app is not installed there`);
  if (!needsRenewal(stored, refusedToken)) return stored;
  let failure: string | undefined;
  const renewed = await oneAtATime(`shopify-token:${shop}`, async (tx) => {
    // Another server may have renewed while this one waited: its pair is the one to use.
    const current = (await loadOffline(tx, shop)) ?? stored;
    if (current.accessToken !== stored.accessToken && !needsRenewal(current, refusedToken)) return current;
    try {
      const session = await renew(current);
      await storeOffline(tx, session);
      return session;
    } catch (error) {
      failure =
        error instanceof HttpResponseError
          ? `Shopify refused to renew the access token of ${shop} (${error.response.code}: ${JSON.stringify(error.response.body)})`
          : (error as Error).message;
      return null;
    }
  });
  await recordAdminAccess(db, shop, renewed ? null : failure!);
  if (!renewed) throw new ShopifyAccessError(failure!);
  return renewed;
}

const renewing = new Map<string, Promise<Session>>();

/** The shop's offline session, with a token good for the next minutes; one renewal at a time per shop. */
export function freshOfflineSession(shop: string, refusedToken?: string): Promise<Session> {
  const key = `${shop} ${refusedToken ?? ""}`;
  let pending = renewing.get(key);
  if (!pending) {
    pending = renewIfDue(shop, refusedToken).finally(() => renewing.delete(key));
    renewing.set(key, pending);
  }
  return pending;
}

function refusedAccess(thrown: unknown): boolean {
  if (thrown instanceof Response) return thrown.status === 401;
  return thrown instanceof HttpResponseError && thrown.response.code === 401;
}

/**
 * The Admin API of a shop for background work. Good for as long as the work lasts: the token is
 * renewed before it expires, and once more when Shopify answers 401 to it.
 */
export async function offlineGraphql(shop: string): Promise<AdminGraphql> {
  let session = await freshOfflineSession(shop);
  let admin = (await unauthenticated.admin(shop)).admin;
  const renewed = async (refusedToken?: string) => {
    session = await freshOfflineSession(shop, refusedToken);
    admin = (await unauthenticated.admin(shop)).admin;
  };
  return async (query, options) => {
    if (session.isExpired(RENEW_BEFORE_MS)) await renewed();
    try {
      return await admin.graphql(query, options);
    } catch (thrown) {
      if (!refusedAccess(thrown)) throw thrown;
      await renewed(session.accessToken);
      try {
        return await admin.graphql(query, options);
      } catch (again) {
        if (!refusedAccess(again)) throw again;
        const reason = `Shopify refused the renewed access token of ${shop}`;
        await recordAdminAccess(db, shop, reason);
        throw new ShopifyAccessError(reason);
      }
    }
  };
}

/**
 * Who the staff member behind a session token is, as Shopify names them: an online token exchange
 * made only for its `associated_user`. The online token itself is not kept or used; the app works
 * with the shop's offline token.
 */
export async function staffMemberOf(
  shop: string,
  sessionToken: string,
): Promise<{ firstName: string; lastName: string }> {
  const { session } = await tokenEndpoint().tokenExchange({
    shop,
    sessionToken,
    requestedTokenType: RequestedTokenType.OnlineAccessToken,
  });
  const user = session.onlineAccessInfo?.associated_user;
  if (!user) throw new Error("Shopify named no staff member for this session token");
  return { firstName: user.first_name ?? "", lastName: user.last_name ?? "" };
}
