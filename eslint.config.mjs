import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "next-env.d.ts", "tests/.reports/**", "test-results/**"] },
  ...nextVitals,
  ...nextTypeScript,
  // Next registers the jsx-a11y plugin with a few rules; we hold every page to the full set.
  { files: ["**/*.tsx"], rules: { ...jsxA11y.flatConfigs.strict.rules } },
  // Playwright fixtures call a parameter named `use`, which is not React's hook.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
);
