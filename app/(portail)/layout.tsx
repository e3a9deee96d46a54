// The citizen space's frame: its pages, and « Rester connecté » two minutes before a parent's session goes idle
// (components/layout/ResterConnecte.tsx). Not for a remembered session (« Se souvenir de moi »: 30 days), nor
// when there is no parent's session (the page itself sends to the login page).
import { Suspense } from "react";
import { ResterConnecte } from "@/components/layout/ResterConnecte";
import { currentSession } from "@/lib/auth/current";
import { delaisAvantAlerte } from "@/lib/auth/sessions";

export default async function PortailLayout({ children }: { children: React.ReactNode }) {
  const courante = await currentSession();
  const delais = courante?.kind === "USAGER" && !courante.session.seSouvenir && delaisAvantAlerte(courante.session);
  return (
    <>
      {children}
      {delais && (
        <Suspense>
          <ResterConnecte premierDelaiMs={delais.premier} delaiMs={delais.ensuite} />
        </Suspense>
      )}
    </>
  );
}
