"use client";
// The list of an error summary (ResumeErreurs.tsx): each field in error named as its label says it, with its
// message, as a link that takes the focus to the field. The names are read from the form's own labels and
// legends, so a form lists nothing twice.
import { useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { champsEnErreur } from "@/components/formulaire/phrases";

function champ(form: HTMLFormElement, name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]:not([type="hidden"])`);
}

/** The field's label (or its group's legend); null when the form has no such field to go to. */
function libelle(form: HTMLFormElement, name: string): string | null {
  const element = champ(form, name);
  if (!element) return null;
  const label = element?.id ? form.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
  const texte = (label ?? element?.closest("fieldset")?.querySelector("legend"))?.textContent ?? name;
  return texte.replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

export function ListeErreurs({ errors }: { errors: Record<string, string> }) {
  const ref = useRef<HTMLUListElement>(null);
  const [libelles, setLibelles] = useState<Record<string, string | null>>({});
  const noms = champsEnErreur(errors);
  const cle = noms.join("|");
  useLayoutEffect(() => {
    const form = ref.current?.closest("form");
    if (form) setLibelles(Object.fromEntries(cle.split("|").map((name) => [name, libelle(form, name)])));
  }, [cle]);
  if (noms.length === 0) return null;

  function aller(event: MouseEvent<HTMLAnchorElement>, name: string) {
    const form = ref.current?.closest("form");
    const element = form ? champ(form, name) : null;
    if (!element) return;
    event.preventDefault();
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  }

  return (
    <ul ref={ref} className="list-disc pl-5">
      {noms.map((name) => (
        <li key={name}>
          {libelles[name] ? (
            <>
              <a href={`#${name}`} onClick={(event) => aller(event, name)} className="text-red-900 underline">
                {libelles[name]}
              </a>{" "}
              : {errors[name]}
            </>
          ) : (
            errors[name]
          )}
        </li>
      ))}
    </ul>
  );
}
