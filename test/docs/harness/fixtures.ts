/**
 * The files a page's commands read, as a reader would have them: workspace path (`~/` for the home folder) → the
 * repository file that stands in for it. Project files where one fits (the import fixtures are real field
 * reports' files); test/docs/fixtures/ holds the stand-ins for a reader's own credentials.
 */
export const PAGE_FIXTURES: Record<string, Record<string, string>> = {
  "docs/credentials.md": { "intranet-ca.pem": "test/docs/fixtures/intranet-ca.pem" },
  "docs/how-to/import.md": {
    "values.yaml": "test/fixtures/import/seed-000-values.yaml",
    "config.toml": "test/fixtures/import/seed-000-config.toml",
    "typos.toml": "test/fixtures/import/invalid-kubernetes-keys.toml",
  },
  "docs/how-to/new-stack.md": {
    "~/.kube/staging.yaml": "test/docs/fixtures/kubeconfig.yaml",
    "~/.ssh/id_ed25519_ci": "test/docs/fixtures/id_ed25519_ci",
    "gcs-key.json": "test/docs/fixtures/gcs-key.json",
  },
};
