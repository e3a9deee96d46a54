import { Link } from "@react-email/link";
import { linkStyle } from "@/emails/components/MailLayout";

/**
 * A link on a line of its own, after the sentence that announces it (ending with « : »): in the plain-text part
 * nothing follows the address, since a dot or a parenthesis stuck to it opens « PAGE INTROUVABLE » in the mail
 * reader; and a whole line is easy to tap on a phone. Every link of a mail is written with it.
 */
export function LienSeul({ href }: { href: string }) {
  return (
    <>
      <br />
      <Link href={href} style={linkStyle}>
        {href}
      </Link>
    </>
  );
}
