import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Button,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexTable,
  InlineStack,
  Page,
  Text,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { requireShop } from "~/server/shop/shop-context.server";
import { DownloadButton } from "~/components/DownloadButton";
import { StatusBadge } from "~/components/StatusBadge";
import { shopDay } from "~/domain/shop-time";
import {
  hasInfluencers,
  INFLUENCER_SORTS,
  listInfluencers,
  shopTags,
  type InfluencerSort,
} from "~/server/program/influencers.server";

const STATUSES = ["ACTIVE", "PAUSED", "PROSPECT", "INVITED", "APPLIED", "ARCHIVED"] as const;
type Status = (typeof STATUSES)[number];

/** A page of the list: a whole number from 1 to 10,000; anything else is the first page. */
function pageNumber(raw: string | null): number {
  const page = Number(raw ?? 1);
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("sort") ?? "newest";
  // Own keys only: "constructor" or "__proto__" are in every object.
  const sort: InfluencerSort = Object.hasOwn(INFLUENCER_SORTS, asked) ? (asked as InfluencerSort) : "newest";
  const status = url.searchParams
    .getAll("status")
    .filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  const list = await listInfluencers(db, shop.id, {
    search: url.searchParams.get("q") ?? undefined,
    status,
    tag: url.searchParams.get("tag") ?? undefined,
    sort,
    page: pageNumber(url.searchParams.get("page")),
  });
  const anyAtAll = list.total > 0 || (await hasInfluencers(db, shop.id));
  return {
    anyAtAll,
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    tags: await shopTags(db, shop.id),
    rows: list.rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      status: r.status,
      tags: r.tags ? r.tags.split(",") : [],
      codes: r.codes.map((c) => c.code).join(", "),
      joined: shopDay(r.createdAt, shop.timezone),
    })),
  };
};

const SORT_OPTIONS: NonNullable<IndexFiltersProps["sortOptions"]> = [
  { label: "Added", value: "newest desc", directionLabel: "Newest first" },
  { label: "Added", value: "oldest asc", directionLabel: "Oldest first" },
  { label: "Name", value: "name asc", directionLabel: "A-Z" },
  { label: "Name", value: "name-desc desc", directionLabel: "Z-A" },
];

export default function Influencers() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { mode, setMode } = useSetIndexFiltersMode();
  const [query, setQuery] = useState(params.get("q") ?? "");

  const go = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
      else if (value) next.set(key, value);
    }
    if (!("page" in changes)) next.delete("page");
    navigate(`?${next.toString()}`, { replace: true });
  };

  useEffect(() => {
    const timer = setTimeout(() => {
      if ((params.get("q") ?? "") !== query) go({ q: query || null });
    }, 300);
    return () => clearTimeout(timer);
  });

  const status = params.getAll("status");
  const tag = params.get("tag");
  const sortValue =
    SORT_OPTIONS.find((o) => o.value.startsWith(`${params.get("sort") ?? "newest"} `))?.value ?? "newest desc";

  const filters: IndexFiltersProps["filters"] = [
    {
      key: "status",
      label: "Status",
      filter: (
        <ChoiceList
          title="Status"
          titleHidden
          allowMultiple
          choices={STATUSES.map((s) => ({ label: s.charAt(0) + s.slice(1).toLowerCase(), value: s }))}
          selected={status}
          onChange={(value) => go({ status: value })}
        />
      ),
      shortcut: true,
    },
    {
      key: "tag",
      label: "Tag",
      filter: (
        <ChoiceList
          title="Tag"
          titleHidden
          choices={data.tags.map((t) => ({ label: t, value: t }))}
          selected={tag ? [tag] : []}
          onChange={(value) => go({ tag: value[0] ?? null })}
        />
      ),
      shortcut: true,
    },
  ];
  const appliedFilters: IndexFiltersProps["appliedFilters"] = [
    ...(status.length
      ? [{ key: "status", label: `Status: ${status.join(", ").toLowerCase()}`, onRemove: () => go({ status: null }) }]
      : []),
    ...(tag ? [{ key: "tag", label: `Tag: ${tag}`, onRemove: () => go({ tag: null }) }] : []),
  ];

  if (!data.anyAtAll) {
    return (
      <Page title="Influencers">
        <Card>
          <EmptyState
            heading="Bring in your first influencer"
            action={{ content: "Add influencer", url: "/app/influencers/new" }}
            secondaryAction={{ content: "Import from CSV", url: "/app/influencers/import" }}
            image="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>"
          >
            <p>
              Each influencer gets a discount code and a referral link. You pay commission only on orders they bring.
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const lastPage = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Page
      title="Influencers"
      primaryAction={{ content: "Add influencer", url: "/app/influencers/new" }}
      secondaryActions={
        <InlineStack gap="200">
          <Button url="/app/influencers/import">Import</Button>
          <DownloadButton url="/app/influencers/export.csv" filename="influencers.csv">
            Export
          </DownloadButton>
        </InlineStack>
      }
    >
      <Card padding="0">
        <IndexFilters
          sortOptions={SORT_OPTIONS}
          sortSelected={[sortValue]}
          onSort={(value) => go({ sort: value[0].split(" ")[0] })}
          queryValue={query}
          queryPlaceholder="Search by name, email or code"
          onQueryChange={setQuery}
          onQueryClear={() => setQuery("")}
          filters={filters}
          appliedFilters={appliedFilters}
          onClearAll={() => go({ status: null, tag: null, q: null })}
          tabs={[]}
          selected={0}
          mode={mode}
          setMode={setMode}
          canCreateNewView={false}
        />
        <IndexTable
          resourceName={{ singular: "influencer", plural: "influencers" }}
          itemCount={data.rows.length}
          selectable={false}
          headings={[{ title: "Name" }, { title: "Status" }, { title: "Codes" }, { title: "Tags" }, { title: "Added" }]}
          pagination={{
            hasPrevious: data.page > 1,
            hasNext: data.page < lastPage,
            onPrevious: () => go({ page: String(data.page - 1) }),
            onNext: () => go({ page: String(data.page + 1) }),
            label: `Page ${data.page} of ${lastPage} · ${data.total} influencers`,
          }}
        >
          {data.rows.map((row, index) => (
            <IndexTable.Row
              id={row.id}
              key={row.id}
              position={index}
              onClick={() => navigate(`/app/influencers/${row.id}`)}
            >
              <IndexTable.Cell>
                <Text as="span" variant="bodyMd" fontWeight="semibold">
                  {row.name}
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {row.email}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <StatusBadge of="influencer" status={row.status} />
              </IndexTable.Cell>
              <IndexTable.Cell>{row.codes}</IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="100">
                  {row.tags.map((t) => (
                    <Text as="span" key={t} variant="bodySm" tone="subdued">
                      #{t}
                    </Text>
                  ))}
                </InlineStack>
              </IndexTable.Cell>
              <IndexTable.Cell>{row.joined}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
