"use client";
import { useEffect, useRef, type ReactNode } from "react";

const STYLES = {
  erreur: "border-red-700 bg-red-50 text-red-900",
  succes: "border-green-700 bg-green-50 text-green-900",
  info: "border-sky-700 bg-sky-50 text-sky-950",
} as const;

/**
 * A message for the whole page or form. Errors are announced at once (role="alert"). Inside a form it is the
 * answer to a save or a refusal: brought into view and focused, since on a phone the form's top is often
 * above the screen when its button is pressed, and a screen reader then reads it first.
 */
export function Alert({
  kind = "info",
  title,
  children,
  reponse = false,
}: {
  kind?: keyof typeof STYLES;
  title?: string;
  children?: ReactNode;
  /** the answer to a form's sending though it sits outside that form (the console's decisions) */
  reponse?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const alerte = ref.current;
    if (!alerte || (!reponse && !alerte.closest("form"))) return;
    alerte.scrollIntoView({ block: "nearest" });
    alerte.focus({ preventScroll: true });
  }, [kind, title, reponse]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={kind === "erreur" ? "alert" : "status"}
      className={`mb-4 rounded-md border-l-4 p-4 outline-none ${STYLES[kind]}`}
    >
      {title && <p className="font-bold">{title}</p>}
      {children && <div className="mt-1 space-y-2">{children}</div>}
    </div>
  );
}
