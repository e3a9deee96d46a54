import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { dateHeure } from "@/lib/temps/dates";
import { requireAgent } from "@/lib/auth/current";
import { ficheAgent } from "@/lib/domain/agent/queries";
import { agentIdSchema, ROLES } from "@/lib/domain/agent/schemas";
import { changerEtat, reinitialiserTotp } from "./actions";
import { changerAccesSanteAction } from "./acces-sante";
import { changerHabilitationFacturationAction } from "./habilitation-facturation";
import { FormulaireMotDePasse, FormulaireRole } from "./Formulaires";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Fiche agent" };

export default async function FicheAgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cree?: string }>;
}) {
  const { agent: admin } = await requireAgent("ADMIN");
  const { id } = await params;
  if (!agentIdSchema.safeParse({ agentId: id }).success) notFound();
  const agent = await ficheAgent(id);
  if (!agent) notFound();
  const { cree } = await searchParams;
  const soiMeme = agent.id === admin.id;
  const nom = `${agent.prenom} ${agent.nom.toUpperCase()}`;
  return (
    <section className="carte max-w-3xl" aria-labelledby="titre">
      <p className="mb-2">
        <Link href="/agent/agents">Retour à la liste des agents</Link>
      </p>
      <h1 id="titre" className="titre-page mb-4">
        {nom}
      </h1>
      {cree && <Alert kind="succes" title={`Le compte ${de(nom)} a été créé.`} />}
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold">Identifiant</dt>
        <dd className="mb-2 break-all sm:mb-0">{agent.identifiant}</dd>
        <dt className="font-semibold">Courriel</dt>
        <dd className="mb-2 break-all sm:mb-0">{agent.courriel}</dd>
        <dt className="font-semibold">Rôle</dt>
        <dd className="mb-2 sm:mb-0">{ROLES[agent.role]}</dd>
        <dt className="font-semibold">Données de santé</dt>
        <dd className="mb-2 sm:mb-0">{agent.permissions.includes("SANTE") ? "Accès accordé" : "Pas d'accès"}</dd>
        <dt className="font-semibold">Facturation</dt>
        <dd className="mb-2 sm:mb-0">
          {agent.permissions.includes("FACTURATION") ? "Habilitation accordée" : "Pas d'habilitation"}
        </dd>
        <dt className="font-semibold">Compte</dt>
        <dd className="mb-2 sm:mb-0">{agent.active ? "Actif" : "Désactivé"}</dd>
        <dt className="font-semibold">Double authentification</dt>
        <dd className="mb-2 sm:mb-0">
          {agent.totpActiveAt ? `Activée le ${dateHeure(agent.totpActiveAt)}` : "Non activée"}
        </dd>
        <dt className="font-semibold">Dernière connexion</dt>
        <dd>{agent.lastLoginAt ? dateHeure(agent.lastLoginAt) : "Jamais"}</dd>
      </dl>

      <h2 className="mb-2 text-xl font-bold">Rôle</h2>
      <div className="mb-6">
        {soiMeme ? (
          <p>Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.</p>
        ) : (
          <FormulaireRole agentId={agent.id} role={agent.role} />
        )}
      </div>

      <h2 className="mb-2 text-xl font-bold">Données de santé</h2>
      <p className="mb-2">
        Les dossiers santé et les P.A.I. des enfants ne s&apos;ouvrent qu&apos;aux agents qui en ont l&apos;accès ;
        chaque lecture est inscrite au journal.
      </p>
      <div className="mb-6">
        <SimpleForm
          action={changerAccesSanteAction}
          hidden={{ agentId: agent.id, sante: agent.permissions.includes("SANTE") ? "non" : "oui" }}
          bouton={
            agent.permissions.includes("SANTE")
              ? "Retirer l'accès aux données de santé"
              : "Donner l'accès aux données de santé"
          }
        />
      </div>

      <h2 className="mb-2 text-xl font-bold">Facturation</h2>
      <p className="mb-2">
        Tout agent peut simuler la facturation d&apos;un mois ; émettre les factures et les avoirs demande cette
        habilitation. Chaque changement est inscrit au journal.
      </p>
      <div className="mb-6">
        <SimpleForm
          action={changerHabilitationFacturationAction}
          hidden={{ agentId: agent.id, facturation: agent.permissions.includes("FACTURATION") ? "non" : "oui" }}
          bouton={
            agent.permissions.includes("FACTURATION")
              ? "Retirer l'habilitation Facturation"
              : "Accorder l'habilitation Facturation"
          }
        />
      </div>

      <h2 className="mb-2 text-xl font-bold">Accès à la console</h2>
      <div className="mb-6">
        {soiMeme ? (
          <p>Vous ne pouvez pas désactiver votre propre compte.</p>
        ) : (
          <SimpleForm
            action={changerEtat}
            hidden={{ agentId: agent.id, actif: agent.active ? "non" : "oui" }}
            bouton={agent.active ? "Désactiver le compte" : "Réactiver le compte"}
          />
        )}
      </div>

      <h2 className="mb-2 text-xl font-bold">Mot de passe</h2>
      <p className="mb-2">
        Le nouveau mot de passe remplace l&apos;ancien et ferme les sessions ouvertes de l&apos;agent.
      </p>
      <div className="mb-6">
        <FormulaireMotDePasse agentId={agent.id} />
      </div>

      <h2 className="mb-2 text-xl font-bold">Double authentification</h2>
      {soiMeme ? (
        <p>
          Vos codes de secours se gèrent depuis <Link href="/agent/securite">votre page Double authentification</Link>.
        </p>
      ) : agent.totpActiveAt ? (
        <>
          <p className="mb-2">
            Si l&apos;agent a perdu son téléphone et ses codes de secours : il configurera une nouvelle application à sa
            prochaine connexion.
          </p>
          <SimpleForm
            action={reinitialiserTotp}
            hidden={{ agentId: agent.id }}
            bouton="Réinitialiser la double authentification"
          />
        </>
      ) : (
        <p>Non activée : rien à réinitialiser.</p>
      )}
    </section>
  );
}
