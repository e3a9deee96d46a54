// `npm run lint` = `eslint --max-warnings=0 .`: Next.js' own rules (core web vitals, React hooks, jsx-a11y,
// import) plus typescript-eslint's recommended set.
import { readFileSync } from "node:fs";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** The démarches' types, as the schema's enum TypeDemande lists them. */
function typesDemande() {
  const schema = readFileSync(new URL("prisma/schema.prisma", import.meta.url), "utf8");
  const corps = /^enum TypeDemande \{([^}]*)\}/m.exec(schema)?.[1] ?? "";
  const types = corps.match(/^\s*[A-Z][A-Z_]*\s*$/gm)?.map((ligne) => ligne.trim()) ?? [];
  if (types.length === 0)
    throw new Error("eslint.config.mjs : l'enum TypeDemande est introuvable dans prisma/schema.prisma.");
  return types;
}

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
  {
    // What differs from one démarche to another is in its definition (lib/domain/demande/demarche.ts, written
    // beside its aggregate): a page or a component asks the registry (lib/domain/demarches.ts), it never decides
    // by the demande's type. The types are read from the schema, so a new one is covered the day it is added.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name='type'][object.name=/^demande/i]",
          "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name='type'][object.property.name=/^demande/i]",
          "SwitchStatement > MemberExpression.discriminant[property.name='type'][object.name=/^demande/i]",
          `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(${typesDemande().join("|")})$/]`,
        ].map((selector) => ({
          selector,
          message:
            "Ce qui diffère d'une démarche à l'autre vient de sa définition (lib/domain/demande/demarche.ts) : demandez-le au registre (lib/domain/demarches.ts).",
        })),
      ],
    },
  },
  {
    // House rule: no file over 400 lines, tests, stand-ins, fixtures and seed included. Counted as `wc -l` counts
    // them, blank lines and comments included (a file is read whole; a long comment is a reason to split too).
    // Not counted: the generated client (ignored below), the Prisma schema and data files (not code).
    files: ["**/*.{ts,tsx,mjs,cjs}"],
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // No production function over 150 lines. Tests are exempt: a describe's callback holds its tests.
    files: [
      "app/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
      "lib/**/*.{ts,tsx}",
      "emails/**/*.{ts,tsx}",
      "scripts/**/*.{ts,mjs,cjs}",
      "*.{ts,mjs}",
    ],
    ignores: ["**/*.test.{ts,tsx}", "lib/**/schemas.ts", "prisma/**", "tests/**", "e2e/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 150, skipBlankLines: false, skipComments: false, IIFEs: true }],
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
    // the pointage's service worker, bundled from app/(agent)/agent/pointage/sw.ts by scripts/service-worker.mjs
    "public/agent/pointage-sw.js",
    // the layers' test (lib/couches.test.ts) writes wrong imports there for a moment, while the lint runs beside it
    "**/__couche_essai_*",
  ]),
]);
