import { notFound } from "next/navigation";
import { previewMailboxEnabled } from "@/lib/config";
import { dateHeure } from "@/lib/temps/dates";
import { derniersCourriels } from "@/lib/mail/outbox";

export const metadata = { title: "Boîte d'aperçu des courriels", robots: { index: false } };

// Without SMTP_URL, mails are not sent anywhere: they stay here so that whoever tries the demo can follow an
// activation link. The page does not exist once a mail server is configured, nor in production without DEMO=1.
export default async function MailsPage() {
  if (!previewMailboxEnabled()) notFound();
  const mails = await derniersCourriels(50);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Boîte d&apos;aperçu des courriels
      </h1>
      <p className="mb-6 text-sm text-stone-700">
        Aucun serveur de courriel n&apos;est configuré (SMTP_URL) : les 50 derniers messages du portail sont affichés
        ici au lieu d&apos;être envoyés.
      </p>
      {mails.length === 0 && <p>Aucun courriel pour le moment.</p>}
      <ol className="space-y-6">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-md border border-stone-300 p-4">
            <h2 className="font-bold">{mail.subject}</h2>
            <p className="text-sm text-stone-700">
              À {mail.to}, le {dateHeure(mail.createdAt)}
            </p>
            <div className="mt-3 whitespace-pre-line break-words text-sm">{linkify(mail.text)}</div>
            {mail.pieces.length > 0 && (
              <>
                <h3 className="mt-3 text-sm font-bold">Pièces jointes</h3>
                <ul className="list-disc pl-6 text-sm">
                  {mail.pieces.map((p) => (
                    <li key={p.id}>
                      {p.nom} ({p.typeMime})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The text part with its links made clickable (only links to this portal's own paths are in our mails). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
