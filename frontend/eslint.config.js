// Lint for the React bundle: typescript-eslint's recommended rules and the rules of hooks, all as errors;
// `npm run lint`, and part of `npm run build`.
// typescript-eslint needs TypeScript's JS API, which TypeScript 7 no longer ships: package.json installs
// TypeScript 6 as `typescript` (the API, for tools) and TypeScript 7 as `@typescript/native` (its `tsc` builds).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

export default defineConfig(
  { ignores: ["dist", "node_modules", "public"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      // the rules of hooks and the React Compiler's checks (refs, purity, effects), all as errors
      ...reactHooks.configs["recommended-latest"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
