import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, DropZone, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { requireShop } from "~/admin.server";
import { DownloadButton } from "~/components/DownloadButton";
import db from "~/db.server";
import { boundedFormData } from "~/request-body.server";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "~/domain/influencer-import-format";
import { importInfluencers } from "~/models/influencer-import.server";

const MAX_BYTES = 2 * 1024 * 1024;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireShop(request);
  return null;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, graphql } = await requireShop(request);
  let form: FormData;
  try {
    // Read within the import's limit (the file's 2 MB and its form): a larger upload is refused as it streams.
    form = await boundedFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) {
      return data({ ok: false as const, problems: [{ row: 0, field: "file", message: "The file is larger than 2 MB" }], imported: 0 }, { status: 413 });
    }
    throw thrown;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false as const, problems: [{ row: 0, field: "file", message: "Choose a CSV file" }], imported: 0 };
  }
  if (file.size > MAX_BYTES) {
    return { ok: false as const, problems: [{ row: 0, field: "file", message: "The file is larger than 2 MB" }], imported: 0 };
  }
  return importInfluencers(db, graphql, shop, await file.text());
};

export default function ImportInfluencers() {
  const result = useActionData<typeof action>();
  const importing = useNavigation().state === "submitting";
  const [file, setFile] = useState<File | null>(null);

  return (
    <Page title="Import influencers" backAction={{ content: "Influencers", url: "/app/influencers" }}>
      <Layout>
        {result?.ok && (
          <Layout.Section>
            <Banner tone="success" title={`${result.imported} influencers imported`}>
              <p>Each has a discount code in Shopify and a referral link.</p>
            </Banner>
          </Layout.Section>
        )}
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical" title="Nothing was imported">
              <p>Fix these rows and upload the file again. No influencer or code was created.</p>
            </Banner>
            <Card padding="0">
              <DataTable
                columnContentTypes={["numeric", "text", "text"]}
                headings={["Row", "Column", "Problem"]}
                rows={result.problems.map((p) => [p.row || "-", p.field, p.message])}
              />
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <Form method="post" encType="multipart/form-data">
              <BlockStack gap="400">
                <Text as="p">
                  One influencer per row, up to {MAX_IMPORT_ROWS}. Columns: {IMPORT_COLUMNS.join(", ")}. Each row gets a
                  discount code in Shopify and a referral link. If any row has a problem, nothing is imported.
                </Text>
                <List>
                  <List.Item>discountPercent and commissionPercent are numbers like 10 or 12.5; an empty commission uses your default.</List.Item>
                  <List.Item>tags are separated by commas; destinationPath is a page of your store (default /).</List.Item>
                </List>
                <DropZone accept=".csv,text/csv" type="file" allowMultiple={false} onDrop={(files) => setFile(files[0] ?? null)}>
                  {file ? (
                    <Text as="p" alignment="center">
                      {file.name}
                    </Text>
                  ) : (
                    <DropZone.FileUpload actionTitle="Add CSV file" />
                  )}
                </DropZone>
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
                  <Button submit variant="primary" loading={importing} disabled={!file}>
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
