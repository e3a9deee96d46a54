// A document utile (menu, form, règlement), for every visitor: downloaded under its own name, with the type
// read from its bytes at upload. An unknown id gets 404.
import { documentUtile } from "@/lib/domain/portail/queries";
import { fichierIntrouvable, POLITIQUE_FICHIER } from "@/lib/storage/reponse";
import { getStorage } from "@/lib/storage/storage";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const document = await documentUtile(id);
  const bytes = document ? await getStorage().get(document.fichierKey) : null;
  if (!document || !bytes) return fichierIntrouvable();
  // An ASCII fallback name for old clients, the exact one (accents) in filename*.
  const ascii =
    document.nomFichier
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "document";
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": document.type,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.nomFichier)}`,
      "Content-Security-Policy": POLITIQUE_FICHIER,
      "X-Content-Type-Options": "nosniff",
      // public, but withdrawn documents must disappear: browsers revalidate
      "Cache-Control": "public, no-cache",
    },
  });
}
