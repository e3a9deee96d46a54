/** The "ou" between a sign-in button of an identity provider and the login form below it. */
export function Ou() {
  return (
    <p className="mt-4 flex items-center gap-3 font-semibold text-stone-700 before:h-px before:flex-1 before:bg-stone-300 after:h-px after:flex-1 after:bg-stone-300">
      ou
    </p>
  );
}
