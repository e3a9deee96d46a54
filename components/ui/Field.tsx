// Form fields with their label, the seed's "*" for required ones (hidden from screen readers, which hear the
// field's `required` instead), a hint, and the error beside the field (linked by aria-describedby so a screen
// reader reads it with the field).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Common = { name: string; label: ReactNode; error?: string; hint?: ReactNode; required?: boolean };

function describedBy(name: string, error?: string, hint?: ReactNode): string | undefined {
  return [hint ? `${name}-aide` : null, error ? `${name}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

export function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-semibold">
      {required && (
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
      )}
      {children}
    </label>
  );
}

export function FieldMessages({ name, error, hint }: { name: string; error?: string; hint?: ReactNode }) {
  return (
    <>
      {hint && (
        <p id={`${name}-aide`} className="mt-1 text-sm text-stone-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-erreur`} className="mt-1 text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

/** The attributes every control shares: its id and name, required, invalid state and descriptions. */
function controlProps(name: string, required?: boolean, error?: string, hint?: ReactNode) {
  return {
    id: name,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, error, hint),
    className: "champ",
  };
}

function Shell({ name, label, error, hint, required, children }: Common & { children: ReactNode }) {
  return (
    <div className="mb-4">
      <Label htmlFor={name} required={required}>
        {label}
      </Label>
      {children}
      <FieldMessages name={name} error={error} hint={hint} />
    </div>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  required,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Shell name={name} label={label} error={error} hint={hint} required={required}>
      <input {...controlProps(name, required, error, hint)} {...input} />
    </Shell>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  required,
  options,
  placeholder = "Choisir…",
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Record<string, string>; placeholder?: string }) {
  return (
    <Shell name={name} label={label} error={error} hint={hint} required={required}>
      <select {...controlProps(name, required, error, hint)} {...select}>
        <option value="">{placeholder}</option>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({
  name,
  label,
  error,
  hint,
  required,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="mb-4">
      <div className="flex items-start gap-3">
        <input
          id={name}
          name={name}
          type="checkbox"
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, error, hint)}
          className="mt-3 size-5 shrink-0 accent-marque"
          {...input}
        />
        {/* the label is the box's target: a thumb's 44 px high, its first line level with the box */}
        <label htmlFor={name} className="min-h-11 py-2.5 font-semibold">
          {label}
        </label>
      </div>
      <FieldMessages name={name} error={error} hint={hint} />
    </div>
  );
}

/** One box of a list of choices under a fieldset's legend (the units of a window, the lieux of a service non
 * assuré): the box and its label without the single field's margin and bold label; the messages are the list's. */
export function CaseDeListe({
  name,
  defaultChecked,
  children,
}: {
  name: string;
  defaultChecked: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        className="mt-3 size-5 shrink-0 accent-marque"
      />
      <label htmlFor={name} className="min-h-11 py-2.5">
        {children}
      </label>
    </div>
  );
}

/** The seed's note above a form whose required fields carry a star. */
export function ChampsObligatoires() {
  return (
    <p className="mb-4 text-sm">
      Les champs marqués d&apos;un{" "}
      <span aria-hidden="true" className="text-red-700">
        *
      </span>
      <span className="sr-only">astérisque</span> sont obligatoires.
    </p>
  );
}
