import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook, webhookOnlyAcceptsPost } from "~/server/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "orders/create");
export const loader = webhookOnlyAcceptsPost;
