import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  DropZone,
  InlineStack,
  Layout,
  List,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { requireShop } from "~/server/shop/shop-context.server";
import { DownloadButton } from "~/components/DownloadButton";
import { useFollowJob } from "~/components/useFollowJob";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "~/domain/influencer-import-format";
import { answer } from "~/server/platform/commands.server";
import { startImportCommand, uploadTooLarge } from "~/server/program/import-commands.server";
import { latestImport, type RowProblem } from "~/server/program/influencer-import.server";
import { boundedFormData } from "~/server/platform/request-body.server";

export { revalidateOnConflict as shouldRevalidate } from "~/revalidate-on-conflict";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, db } = await requireShop(request);
  return { run: await latestImport(db, shop.id) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireShop(request);
  let form: FormData;
  try {
    // Read within the import's limit (the file's 2 MB and its form): a larger upload is refused as it streams.
    form = await boundedFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) return answer(uploadTooLarge());
    throw thrown;
  }
  return answer(await startImportCommand(ctx, form.get("file")));
};

export default function ImportInfluencers() {
  const { run } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const importing = useNavigation().state === "submitting";
  const [file, setFile] = useState<File | null>(null);
  const working = run?.status === "RUNNING" || run?.status === "UNDOING";
  // A file that started an import is done with: the next import starts from a new choice.
  useEffect(() => {
    if (result?.ok) setFile(null);
  }, [result]);
  useFollowJob(working); // the rows are created in the background

  return (
    <Page title="Import influencers" backAction={{ content: "Influencers", url: "/app/influencers" }}>
      <Layout>
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical" title="Nothing was imported">
              <p>Fix these rows and upload the file again. No influencer or code was created.</p>
            </Banner>
            <ProblemTable problems={result.problems} />
          </Layout.Section>
        )}
        {run && (!result || result.ok) && (
          <Layout.Section>
            <ImportRunStatus run={run} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <Form method="post" encType="multipart/form-data">
              <BlockStack gap="400">
                <Text as="p">
                  One influencer per row, up to {MAX_IMPORT_ROWS}. Columns: {IMPORT_COLUMNS.join(", ")}. Each partner
                  gets a discount code in Shopify and a referral link. If any row has a problem, nothing is imported.
                </Text>
                <List>
                  <List.Item>
                    discountPercent and commissionPercent are numbers like 10 or 12.5; an empty commission uses your
                    default.
                  </List.Item>
                  <List.Item>
                    tags are separated by commas; destinationPath is a page of your store (default /).
                  </List.Item>
                  <List.Item>
                    status is active (or empty) for a partner with a code now, or prospect for someone to pitch first
                    from Outreach: a prospect needs no code and gets one when they join.
                  </List.Item>
                </List>
                {/* Polaris sizes the drop zone once it has measured it in the browser (120 px here): the
                    box is that tall from the first paint, so the buttons below do not move. */}
                <div style={{ minHeight: 120 }}>
                  <DropZone
                    accept=".csv,text/csv"
                    type="file"
                    allowMultiple={false}
                    onDrop={(files) => setFile(files[0] ?? null)}
                  >
                    {file ? (
                      <Text as="p" alignment="center">
                        {file.name}
                      </Text>
                    ) : (
                      <DropZone.FileUpload actionTitle="Add CSV file" />
                    )}
                  </DropZone>
                </div>
                <input
                  type="file"
                  name="file"
                  accept=".csv,text/csv"
                  style={{ display: "none" }}
                  ref={(input) => {
                    if (input && file) {
                      const transfer = new DataTransfer();
                      transfer.items.add(file);
                      input.files = transfer.files;
                    }
                  }}
                />
                <InlineStack align="space-between">
                  <DownloadButton url="/app/influencers/template.csv" filename="influencers-template.csv">
                    Download template
                  </DownloadButton>
                  <Button submit variant="primary" loading={importing} disabled={!file || working}>
                    Import
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type Run = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["run"]>;

function ImportRunStatus({ run }: { run: Run }) {
  if (run.status === "RUNNING") {
    return (
      <Banner tone="info" title={`Importing ${run.fileName}: ${run.created} of ${run.total}`}>
        <BlockStack gap="200">
          <ProgressBar progress={run.total ? Math.round((run.created / run.total) * 100) : 0} size="small" />
          <p>
            You can leave this page; the import goes on.{run.lastError ? ` Trying again after: ${run.lastError}` : ""}
          </p>
        </BlockStack>
      </Banner>
    );
  }
  if (run.status === "UNDOING") {
    return (
      <Banner tone="warning" title={`A row of ${run.fileName} could not be imported`}>
        <p>Removing the influencers and codes this import created, so that nothing of it is left.</p>
      </Banner>
    );
  }
  if (run.status === "FAILED") {
    return (
      <BlockStack gap="200">
        <Banner tone="critical" title="Nothing was imported">
          <p>{`${run.fileName} was undone: no influencer or code of it is left. Fix these rows and upload the file again.`}</p>
        </Banner>
        <ProblemTable problems={run.problems} />
      </BlockStack>
    );
  }
  return (
    <Banner tone="success" title={`${run.total} influencers imported`}>
      <p>{`From ${run.fileName}. Each has a discount code in Shopify and a referral link.`}</p>
    </Banner>
  );
}

function ProblemTable({ problems }: { problems: RowProblem[] }) {
  return (
    <Card padding="0">
      <DataTable
        columnContentTypes={["numeric", "text", "text"]}
        headings={["Row", "Column", "Problem"]}
        rows={problems.map((p) => [p.row || "-", p.field, p.message])}
      />
    </Card>
  );
}
