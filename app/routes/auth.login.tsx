// Where Shopify's library sends a visitor with no shop to install for: a form that asks for the
// shop's domain and starts the install there. Without it /auth/login answered 500.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { PublicError, PublicFrame, publicLinks } from "~/components/PublicFrame";
import { login } from "~/shopify.server";

export const links = publicLinks;
export const ErrorBoundary = PublicError;

function problem(errors: Awaited<ReturnType<NonNullable<typeof login>>>): string | null {
  if (errors.shop === "MISSING_SHOP") return "Enter your shop's domain";
  if (errors.shop === "INVALID_SHOP") return "Enter a domain like example.myshopify.com";
  return null;
}

// GET: a `shop` parameter starts the install at once; without one, the form.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const asked = new URL(request.url).searchParams.has("shop");
  return { error: asked ? problem(await login!(request)) : null };
};

export const action = async ({ request }: ActionFunctionArgs) => ({ error: problem(await login!(request)) });

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = posted?.error ?? loaded.error;
  return (
    <PublicFrame>
      <Card>
        <Form method="post">
          <BlockStack gap="300">
            <Text as="h1" variant="headingLg">
              Install Referral Loop
            </Text>
            <FormLayout>
              <TextField
                label="Shop domain"
                name="shop"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                helpText="example.myshopify.com"
                error={error ?? undefined}
              />
              <Button submit variant="primary">
                Log in
              </Button>
            </FormLayout>
          </BlockStack>
        </Form>
      </Card>
    </PublicFrame>
  );
}
