// Lint for the frontend (frontend/js): no build step, so what we write is what
// participants' browsers run. eslint-plugin-compat flags any browser API the
// targets in package.json "browserslist" lack: people bring Safari and Firefox.
import compat from "eslint-plugin-compat";
import globals from "globals";

export default [
  {
    files: ["frontend/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, Chart: "readonly" },
    },
    plugins: { compat },
    settings: { lintAllEsApis: true },
    rules: {
      "compat/compat": "error",
      "no-undef": "error",
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
    },
  },
];
