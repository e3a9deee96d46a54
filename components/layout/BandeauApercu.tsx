"use client";
// The preview's banner, on every page (PREVIEW=1): the data is fictitious and goes away at each deployment;
// links to the mails the portal wrote and, for agents (the session's hint, read in the browser: the frame is the
// same for everyone), to the reset of the demo data, which checks the agent's role itself.
import Link from "next/link";
import { useIndiceEspace } from "@/components/layout/useIndiceEspace";

export function BandeauApercu({ boiteAuxLettres }: { boiteAuxLettres: boolean }) {
  const agent = useIndiceEspace() === "agent";
  return (
    <div role="region" aria-label="Version de démonstration" className="bg-amber-200 px-4 py-2 text-sm text-stone-950">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-4 gap-y-1">
        <p className="font-bold">
          Version de démonstration — les données sont fictives et effacées à chaque déploiement
        </p>
        {boiteAuxLettres && (
          <Link href="/dev/mails" className="text-stone-950">
            Courriels envoyés par le portail
          </Link>
        )}
        {agent && (
          <Link href="/agent/demonstration" className="text-stone-950">
            Réinitialiser les données de démonstration
          </Link>
        )}
      </div>
    </div>
  );
}
