import { PageAVenir } from "@/components/layout/PageAVenir";

export const metadata = { title: "Actualités" };

export default function ActualitsPage() {
  return <PageAVenir titre="Actualités" texte="Aucune actualité n'est publiée pour le moment." />;
}
