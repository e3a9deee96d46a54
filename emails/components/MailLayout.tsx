// The frame every mail of the commune shares: greeting, body, signature and the automaton notice.
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { de } from "@/lib/texte/elision";

export function MailLayout({ commune, preview, children }: { commune: string; preview: string; children: ReactNode }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", color: "#18181b" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Section>{children}</Section>
          <Text>Cordialement,</Text>
          <Text>{`La Mairie ${de(commune)}`}</Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#52525b" }}>
            Ce message est envoyé par un automate, merci de ne pas y répondre. Votre réponse ne pourra être traitée.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const linkStyle = { color: "#9a3412", textDecoration: "underline" } as const;
