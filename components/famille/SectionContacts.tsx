// SCAFFOLD (issue 26): the « Contacts et habilitations » part of Ma famille; its engineer replaces this file whole.
import Link from "next/link";

export function SectionContacts({ familleId }: { familleId: string }) {
  return (
    <p data-famille={familleId}>
      <Link href="/famille/contacts">Contacts et habilitations</Link>
    </p>
  );
}
