// "Le demandeur": the identity of the space that made the demande. The agents also see its birth data,
// which is what a rattachement à une famille is checked against.
import { formatParis } from "@/lib/temps/dates";
import { CIVILITES } from "@/lib/domain/usager/schemas";
import type { Usager } from "@/lib/generated/prisma/client";

export function IdentiteDemandeur({ usager, naissance = false }: { usager: Usager; naissance?: boolean }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-semibold">Civilité</dt>
      <dd>{CIVILITES[usager.civilite]}</dd>
      <dt className="font-semibold">Nom</dt>
      <dd>{usager.nomUsage.toUpperCase()}</dd>
      {naissance && (
        <>
          <dt className="font-semibold">Nom de naissance</dt>
          <dd>{usager.nomNaissance?.toUpperCase() ?? "—"}</dd>
        </>
      )}
      <dt className="font-semibold">Prénom(s)</dt>
      <dd>{usager.prenoms}</dd>
      {naissance && (
        <>
          <dt className="font-semibold">Date de naissance</dt>
          <dd>{usager.dateNaissance ? formatParis(usager.dateNaissance, "dd/MM/yyyy") : "—"}</dd>
        </>
      )}
      <dt className="font-semibold">Courriel</dt>
      <dd className="break-all">{usager.courriel}</dd>
      <dt className="font-semibold">Téléphone</dt>
      <dd>{usager.mobile ?? usager.telephone ?? "—"}</dd>
    </dl>
  );
}
