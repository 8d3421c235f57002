// One way to call the Shopify Admin GraphQL API: the `graphql` function that
// authenticate.admin / unauthenticated.admin hand out, passed in by routes so that tests and jobs
// can call models the same way. Errors come back as AdminApiError; THROTTLED is retried with a
// wait computed from the cost Shopify reports.

export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly kind: "throttled" | "graphql" | "network",
  ) {
    super(message);
  }
}

type GraphqlError = { message: string; extensions?: { code?: string } };
type Cost = {
  requestedQueryCost?: number;
  throttleStatus?: { currentlyAvailable: number; restoreRate: number };
};

const MAX_ATTEMPTS = 5;

function waitMs(cost: Cost | undefined, attempt: number): number {
  const status = cost?.throttleStatus;
  if (status && cost?.requestedQueryCost && status.restoreRate > 0) {
    const missing = Math.max(0, cost.requestedQueryCost - status.currentlyAvailable);
    return Math.ceil((missing / status.restoreRate) * 1000) + 50;
  }
  return 2 ** attempt * 250;
}

function errorsOf(thrown: unknown): GraphqlError[] | undefined {
  // The Shopify client throws a GraphqlQueryError carrying the response body on GraphQL errors.
  const body = (thrown as { body?: { errors?: unknown } })?.body;
  const errors = body?.errors as { graphQLErrors?: GraphqlError[] } | GraphqlError[] | undefined;
  if (Array.isArray(errors)) return errors;
  return errors?.graphQLErrors;
}

export async function adminQuery<T>(
  graphql: AdminGraphql,
  query: string,
  variables?: Record<string, unknown>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let body: { data?: T; errors?: GraphqlError[]; extensions?: { cost?: Cost } };
    try {
      const response = await graphql(query, { variables });
      body = await response.json();
    } catch (thrown) {
      const errors = errorsOf(thrown);
      if (!errors) {
        throw new AdminApiError(`Shopify could not be reached: ${(thrown as Error).message}`, "network");
      }
      body = { errors, extensions: (thrown as { body?: { extensions?: { cost?: Cost } } }).body?.extensions };
    }
    const errors = body.errors ?? [];
    const throttled = errors.some((e) => e.extensions?.code === "THROTTLED");
    if (throttled && attempt < MAX_ATTEMPTS) {
      await sleep(waitMs(body.extensions?.cost, attempt));
      continue;
    }
    if (throttled) throw new AdminApiError("Shopify is busy (throttled); try again in a minute", "throttled");
    if (errors.length) throw new AdminApiError(errors.map((e) => e.message).join("; "), "graphql");
    return body.data as T;
  }
}
