// The link of a payout email change, sent to the influencer's address on file. GET asks, POST
// confirms: mail scanners open links, and a GET alone must change nothing.
import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { AskThenAct, PublicError, publicLinks } from "~/components/PublicFrame";
import { done } from "~/domain/command-result";
import { confirmPayoutEmail } from "~/server/program/portal.server";
import { publicContext, visitorOf } from "~/server/platform/public-pages.server";
import { sharedLimit, tooManyRequests } from "~/server/platform/rate-limit.server";

export const links = publicLinks;
export const ErrorBoundary = PublicError;

const wrongLinks = sharedLimit("payout-email-confirm", 10, 600);

export const loader = () => null;

export const action = async ({ request, params, context }: ActionFunctionArgs) => {
  const { db } = publicContext();
  const visitor = visitorOf(request, context);
  if (await wrongLinks.exhausted(visitor)) throw tooManyRequests(600);
  const confirmed = await confirmPayoutEmail(db, params.token ?? "");
  if (!confirmed) {
    await wrongLinks.take(visitor);
    throw new Response("This confirmation link is not valid any more. Ask for the change again from your portal.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return done(
    confirmed.paypalEmail
      ? `Done: payouts now go to ${confirmed.paypalEmail}.`
      : "Done: payouts no longer go to a PayPal account.",
  );
};

export default function ConfirmPayoutEmail() {
  const answer = useActionData<typeof action>();
  return (
    <AskThenAct
      title="Your payout email"
      question="Confirm the change of the account your payouts are sent to."
      button="Confirm the change"
      done={answer?.ok ? answer.message : null}
    />
  );
}
