import { PageAVenir } from "@/components/layout/PageAVenir";

export const metadata = { title: "Documents utiles" };

export default function DocumentsutilesPage() {
  return <PageAVenir titre="Documents utiles" texte="Aucun document n'est publié pour le moment : le règlement intérieur, les menus et les formulaires seront proposés ici." />;
}
