// The outbox: every email is a row first, then sent through SMTP (nodemailer, SMTP_URL). A message
// is claimed (QUEUED or FAILED -> SENDING) by one sender before it is handed to the mail server,
// so two servers never send it twice; a failure is kept with its reason and tried again later,
// waiting longer each time. A message left SENDING (the server stopped mid-send) may have left:
// it is not sent again on its own; the merchant sees it and can send it again.
// Without SMTP_URL (the demo), messages stay queued and the outbox shows them as previews.
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "./db.server";
import type { RenderedEmail } from "../../domain/email-templates";
import { env } from "./env.server";
import { appTokenKey, openToken, sealToken } from "./token-vault.server";
import { insertOnce } from "./db-errors.server";
import { PORTAL_LINK_MARKER } from "../program/portal-tokens.server";

export const MAX_ATTEMPTS = 8;
const MINUTE = 60_000;

/** After the nth failed attempt: 1, 2, 4 ... minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, 360 * MINUTE);
}

let transport: Transporter | null | undefined;

/** The SMTP transport of SMTP_URL; null when mail is not configured (preview only). */
export function mailTransport(): Transporter | null {
  if (transport === undefined) {
    const url = env().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

export type NewMessage = {
  shopId: string;
  influencerId: string | null;
  dedupeKey: string; // one message per purpose, e.g. `welcome:<influencer>`
  template: string;
  toEmail: string;
  email: RenderedEmail;
  /** The portal link that PORTAL_LINK_MARKER stands for in the email: stored sealed, put in at sending. */
  portalLink?: string;
};

/** Queues a message once per dedupe key; `false` if that message was queued before. */
export async function queueMessage(db: Db, message: NewMessage): Promise<boolean> {
  return insertOnce(() =>
    db.outboundMessage.create({
      data: {
        shopId: message.shopId,
        influencerId: message.influencerId,
        dedupeKey: message.dedupeKey,
        template: message.template,
        toEmail: message.toEmail,
        subject: message.email.subject,
        bodyText: message.email.text,
        bodyHtml: message.email.html,
        sealedLink: message.portalLink ? sealToken(appTokenKey(), message.portalLink) : null,
      },
    }),
  );
}

export type DeliveryOutcome = { sent: number; failed: number };

/** Sends what is due: queued messages, and failed ones whose wait is over. */
export async function deliverOutbox(
  db: Db,
  sender: Transporter | null,
  now = new Date(),
  shopId?: string,
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { sent: 0, failed: 0 };
  if (!sender) return outcome;
  const due = await db.outboundMessage.findMany({
    where: {
      ...(shopId ? { shopId } : {}),
      status: { in: ["QUEUED", "FAILED"] },
      attempts: { lt: MAX_ATTEMPTS },
      nextAttemptAt: { lte: now },
    },
    orderBy: { nextAttemptAt: "asc" },
    take: 100,
  });
  for (const message of due) {
    const claimed = await db.outboundMessage.updateMany({
      where: { id: message.id, status: message.status },
      data: { status: "SENDING" },
    });
    if (claimed.count !== 1) continue; // another sender has it
    try {
      const link = message.sealedLink ? openToken(appTokenKey(), message.sealedLink) : null;
      const withLink = (body: string) => (link ? body.replaceAll(PORTAL_LINK_MARKER, link) : body);
      const info = await sender.sendMail({
        from: env().MAIL_FROM,
        to: message.toEmail,
        subject: message.subject,
        text: withLink(message.bodyText),
        html: withLink(message.bodyHtml),
        messageId: `<${message.id}@referral-loop>`,
        headers: unsubscribeHeaders(message.bodyText),
      });
      await db.outboundMessage.update({
        where: { id: message.id },
        // Sent: the link now lives only in the influencer's mailbox.
        data: {
          status: "SENT",
          sentAt: new Date(),
          attempts: { increment: 1 },
          lastError: null,
          smtpMessageId: String(info.messageId ?? ""),
          sealedLink: null,
        },
      });
      outcome.sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db.outboundMessage.update({
        where: { id: message.id },
        data: {
          status: "FAILED",
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      outcome.failed += 1;
    }
  }
  return outcome;
}

/** A monthly email carries its opt-out link: mail clients show it as an "Unsubscribe" button. */
function unsubscribeHeaders(text: string): Record<string, string> {
  const link = /https?:\/\/\S+\/unsubscribe\/\S+/.exec(text)?.[0];
  return link ? { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};
}

/** The merchant's "Send again": a failed message, or one interrupted while sending, goes back in the queue. */
export async function requeueMessage(db: Db, shopId: string, id: string): Promise<boolean> {
  const result = await db.outboundMessage.updateMany({
    where: { id, shopId, status: { in: ["FAILED", "SENDING"] } },
    data: { status: "QUEUED", nextAttemptAt: new Date(), attempts: 0 },
  });
  return result.count === 1;
}

export async function recentMessages(db: Db, shopId: string, take = 50) {
  return db.outboundMessage.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      toEmail: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
      influencer: { select: { name: true } },
    },
  });
}

/** One message of the shop's outbox, as its recipient reads it; null when it is not this shop's. */
export async function outboxMessage(db: Db, shopId: string, id: string) {
  return db.outboundMessage.findFirst({
    where: { id, shopId },
    select: {
      toEmail: true,
      subject: true,
      bodyText: true,
      bodyHtml: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
}
