"use client";
// The password with the seed's rule shown beside it, each part ticked as it is met (announced politely).
import { useLayoutEffect, useRef, useState } from "react";
import { passwordChecks, PASSWORD_MAX_LENGTH, PASSWORD_RULE_TEXT } from "@/lib/auth/password-rule";
import { FieldMessages, Label } from "@/components/ui/Field";

export function PasswordField({
  name,
  label,
  defaultValue,
  error,
  showRule = true,
  autoComplete = "new-password",
}: {
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  showRule?: boolean;
  /** "current-password" when the field asks for the password the space already has */
  autoComplete?: "new-password" | "current-password";
}) {
  const [value, setValue] = useState(defaultValue ?? "");
  const [visible, setVisible] = useState(false);
  // Typed before the page's JavaScript ran (a slow phone, a busy machine): the browser kept it in the field, and
  // hydration leaves it there, but the next render would put this state back (empty) and the password would be lost.
  const champ = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const saisi = champ.current?.value;
    if (saisi) setValue(saisi);
  }, []);
  const checks = passwordChecks(value);
  return (
    <div className="mb-4">
      <Label htmlFor={name} required>
        {label}
      </Label>
      <div className="flex gap-2">
        <input
          ref={champ}
          id={name}
          name={name}
          type={visible ? "text" : "password"}
          required
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [showRule ? `${name}-regle` : null, error ? `${name}-erreur` : null].filter(Boolean).join(" ") || undefined
          }
          className="champ"
        />
        <button
          type="button"
          className="bouton-secondaire shrink-0"
          aria-pressed={visible}
          onClick={() => setVisible(!visible)}
        >
          {visible ? "Masquer" : "Afficher"}
          <span className="sr-only"> : {label}</span>
        </button>
      </div>
      {showRule && (
        <div id={`${name}-regle`} className="mt-2 text-sm text-stone-700">
          <p>{PASSWORD_RULE_TEXT}</p>
          <ul className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2" aria-live="polite">
            {checks.map((check) => (
              <li key={check.id} className={check.ok ? "text-green-800" : "text-stone-700"}>
                <span aria-hidden="true">{check.ok ? "✓ " : "○ "}</span>
                {check.label}
                <span className="sr-only">{check.ok ? " : respecté" : " : manquant"}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FieldMessages name={name} error={error} />
    </div>
  );
}
