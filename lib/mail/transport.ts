// The SMTP transport (SMTP_URL) or, without one, the preview mailbox: the mail simply stays readable at
// /dev/mails, which is how a reviewer of a demo clicks an activation link.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";

let transporter: Transporter | undefined;

export type TransportName = "smtp" | "apercu";

export async function sendMail(
  mail: { to: string; subject: string; html: string; text: string },
  pieces: { nom: string; typeMime: string; contenu: Uint8Array }[] = [],
): Promise<TransportName> {
  if (!config.smtpUrl) return "apercu";
  transporter ??= nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom });
  await transporter.sendMail({
    from: config.mailFrom,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    attachments: pieces.map((p) => ({ filename: p.nom, contentType: p.typeMime, content: Buffer.from(p.contenu) })),
  });
  return "smtp";
}
