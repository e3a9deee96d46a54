// next-auth's routes (/api/auth/signin/<provider>, /api/auth/callback/<provider>…): see lib/auth/oidc.ts.
import { traiterRequeteOidc } from "@/lib/auth/oidc";

type Contexte = { params: Promise<{ nextauth: string[] }> };

async function traiter(request: Request, { params }: Contexte): Promise<Response> {
  return traiterRequeteOidc(request, (await params).nextauth);
}

export { traiter as GET, traiter as POST };
