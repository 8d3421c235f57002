import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook, webhookOnlyAcceptsPost } from "~/server/webhooks/receive.server";
import { webhookTopicAt } from "~/server/webhooks/topics";

// Every /webhooks/<topic> for servers that run Remix alone (the dev server); server.mjs answers
// them before Remix. A path that is no topic of the app is 404.
const noSuchTopic = () => new Response("No such webhook topic", { status: 404 });

export const action = ({ request, params }: ActionFunctionArgs) => {
  const topic = webhookTopicAt((params["*"] ?? "").replace(/\/+$/, ""));
  return topic ? receiveWebhook(request, topic) : noSuchTopic();
};

export const loader = ({ params }: ActionFunctionArgs) =>
  webhookTopicAt((params["*"] ?? "").replace(/\/+$/, "")) ? webhookOnlyAcceptsPost() : noSuchTopic();
