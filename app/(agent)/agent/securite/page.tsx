import QRCode from "qrcode";
import { redirect } from "next/navigation";
import { dateHeure } from "@/lib/temps/dates";
import { requireAgentSession } from "@/lib/auth/current";
import { uriTotp } from "@/lib/auth/totp";
import { preparerTotp } from "@/lib/domain/agent/preparer-totp";
import { codesSecoursRestants } from "@/lib/domain/agent/queries";
import { getCommune } from "@/lib/commune";
import { Enrolement, RegenererForm } from "./Formulaires";

export const metadata = { title: "Double authentification" };

// Enrolment in TOTP (QR code, secret for manual entry, first code, recovery codes), and the recovery codes
// of an enrolled agent. A session still waiting for its second factor reaches this page only to enrol.
export default async function SecuritePage() {
  const { agent, session } = await requireAgentSession();
  if (session.mfaEnAttente && agent.totpActiveAt) redirect("/agent/connexion/code");

  if (agent.totpActiveAt) {
    const restants = await codesSecoursRestants(agent.id);
    return (
      <Cadre>
        <Enrolement actif>
          <p className="mb-2">La double authentification est activée depuis le {dateHeure(agent.totpActiveAt)}.</p>
          <p className="mb-4">
            Il vous reste {restants} code{restants > 1 ? "s" : ""} de secours inutilisé{restants > 1 ? "s" : ""}. En
            générer de nouveaux rend les anciens inutilisables.
          </p>
          <RegenererForm />
        </Enrolement>
      </Cadre>
    );
  }

  const secret = await preparerTotp({ agentId: agent.id });
  const commune = await getCommune();
  const qr = await QRCode.toDataURL(uriTotp(secret, agent.identifiant, `Portail Famille ${commune.nom}`), {
    margin: 2,
    width: 240,
  });
  return (
    <Cadre>
      <Enrolement actif={false}>
        <p className="mb-4">
          {session.mfaEnAttente
            ? "Votre compte doit être protégé par un second facteur avant d'ouvrir la console. "
            : ""}
          Installez une application d&apos;authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google
          Authenticator ou Microsoft Authenticator), puis :
        </p>
        <ol className="mb-6 list-decimal space-y-4 pl-6">
          <li>
            <p className="mb-2">scannez ce QR code avec l&apos;application :</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing for next/image to optimize */}
            <img
              src={qr}
              width={240}
              height={240}
              alt="QR code à scanner avec votre application d'authentification"
              className="border border-stone-300"
            />
          </li>
          <li>
            <p>
              ou, si vous ne pouvez pas le scanner, saisissez cette clé dans l&apos;application :{" "}
              <code id="cle-totp" className="font-mono text-lg break-all">
                {secret.match(/.{1,4}/g)!.join(" ")}
              </code>
            </p>
          </li>
          <li>saisissez ci-dessous le code à 6 chiffres que l&apos;application affiche.</li>
        </ol>
      </Enrolement>
    </Cadre>
  );
}

function Cadre({ children }: { children: React.ReactNode }) {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Double authentification
      </h1>
      {children}
    </section>
  );
}
