// The commune's logo, for every visitor (it is in the site's header). Its type is read from its bytes, which
// were checked at upload; the header's URL carries a version (?v=) so a new logo is seen at once.
import { fileTypeFromBuffer } from "file-type";
import { getCommune } from "@/lib/commune";
import { getStorage } from "@/lib/storage/storage";
import { LOGO_RULE } from "@/lib/storage/upload-check";

export async function GET() {
  const { logoKey } = await getCommune();
  const bytes = logoKey ? await getStorage().get(logoKey) : null;
  const type = bytes ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
  if (!bytes || !type || !(type in LOGO_RULE.types)) {
    return new Response("Introuvable", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(bytes.length),
      "X-Content-Type-Options": "nosniff",
      // short: the URL changes with the logo, and a node may serve its cached commune for 30 s
      "Cache-Control": "public, max-age=300",
    },
  });
}
