import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AskThenAct, PublicError, publicLinks } from "~/components/PublicFrame";
import { done } from "~/domain/command-result";
import { publicContext } from "~/server/platform/public-pages.server";
import { influencerForUnsubscribe, optOut, optOutState } from "~/server/outreach/monthly-email.server";

// GET /unsubscribe/:token asks, POST opts out (also the one-click List-Unsubscribe-Post of mail
// clients). A GET alone changes nothing: mail scanners open links.
export const links = publicLinks;
export const ErrorBoundary = PublicError;

function influencerOf(token: string | undefined) {
  const id = token ? influencerForUnsubscribe(token) : null;
  if (!id) throw new Response("This opt-out link is not valid.", { status: 404 });
  return id;
}

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const { db } = publicContext();
  const id = influencerOf(params.token);
  const influencer = await optOutState(db, id);
  if (!influencer) throw new Response("This opt-out link is not valid.", { status: 404 });
  return { shopName: influencer.shop.name || influencer.shop.handle, optedOut: influencer.emailOptOut };
};

export const action = async ({ params }: ActionFunctionArgs) => {
  const { db } = publicContext();
  const shopName = await optOut(db, influencerOf(params.token));
  if (!shopName) throw new Response("This opt-out link is not valid.", { status: 404 });
  return done(OPTED_OUT);
};

const OPTED_OUT = "You will not get monthly performance emails any more. Your portal still shows your figures.";

export default function Unsubscribe() {
  const { shopName, optedOut } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <AskThenAct
      title={`Monthly emails from ${shopName}`}
      question="Stop the monthly performance emails?"
      button="Stop monthly emails"
      done={answer?.ok ? answer.message : optedOut ? OPTED_OUT : null}
    />
  );
}
