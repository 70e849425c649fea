import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const databaseImports = {
  patterns: [
    {
      group: ["@/lib/db/*", "**/lib/db/*", "@/lib/generated/*", "**/lib/generated/*", "@prisma/*", "pg"],
      message: "Only lib/ talks to the database: call an operation from lib/ instead.",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "sdk/dist/**",
      "cli/dist/**",
      "sdk/src/generated/**",
      "bench/peer/.next/**",
      "bench/peer/next-env.d.ts",
    ],
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", databaseImports] },
  },
];

export default config;
