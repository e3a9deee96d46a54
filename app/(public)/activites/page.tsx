import { PageAVenir } from "@/components/layout/PageAVenir";

export const metadata = { title: "Activités" };

export default function ActivitsPage() {
  return <PageAVenir titre="Activités" texte="Le catalogue des activités (restauration scolaire, accueil périscolaire) sera présenté ici." />;
}
