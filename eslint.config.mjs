// `npm run lint` = `eslint --max-warnings=0 .`: Next.js' own rules (core web vitals, React hooks, jsx-a11y,
// import) plus typescript-eslint's recommended set.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures receive a callback conventionally named `use`, which is not React's `use` hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The pages served from the cache allow inline scripts (proxy.ts): nothing may render text as HTML.
    files: ["**/*.{jsx,tsx}"],
    rules: { "react/no-danger": "error" },
  },
  {
    // Pages, route handlers and components call queries and commands in lib/domain: they never reach the
    // database nor decrypt anything themselves. Types stay importable (a page may name a Prisma type).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Appelez une requête de lib/domain.", allowTypeImports: true },
            {
              name: "@/lib/chiffrement",
              message: "Déchiffrez dans une requête de lib/domain.",
              allowTypeImports: true,
            },
            {
              name: "@/lib/domain/sante/coffre",
              message: "Le dossier santé s'ouvre dans une requête de lib/domain.",
              allowTypeImports: true,
            },
            { name: "pg", message: "Appelez une requête de lib/domain.", allowTypeImports: true },
          ],
          patterns: [
            {
              group: ["@/lib/generated/prisma/*", "@prisma/*"],
              message: "Appelez une requête de lib/domain (les types restent importables).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "data-*/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
]);
