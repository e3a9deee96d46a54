// One template gives both parts of a mail: the HTML and its plain-text twin.
import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { MailContent } from "@/lib/mail/outbox";

export async function renderMail(to: string, subject: string, element: ReactElement): Promise<MailContent> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to, subject, html, text };
}
