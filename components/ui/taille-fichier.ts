// Before a form with a file leaves the browser: the file of input `name` over the limit gets the server's
// own message beside its field, and nothing is sent (what was typed stays where it is).
import { messageTropLourd } from "@/lib/storage/limites";

export function refusTaille(form: HTMLFormElement, name: string, maxOctets: number): string | null {
  const input = form.elements.namedItem(name);
  if (!(input instanceof HTMLInputElement)) return null;
  const fichier = input.files?.[0];
  if (!fichier || fichier.size <= maxOctets) return null;
  input.focus();
  return messageTropLourd(maxOctets);
}
