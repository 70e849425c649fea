// Playing GitHub's part of the secret scanning partner protocol, for the integration and e2e
// tests: real P-256 key pairs, real signatures over the exact body bytes, and a local HTTP
// endpoint that publishes the public keys in GitHub's format ({public_keys:[…]}), which the app
// fetches through SECRET_SCANNING_GITHUB_KEYS_URL. Nothing here is mocked: the app verifies with
// node:crypto exactly as it does against GitHub.
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { E2E_GITHUB_KEY_FILE } from "../env";

export type SigningKey = { identifier: string; privateKey: KeyObject; publicKeyPem: string };

/** A new P-256 key pair, named like GitHub names its keys (a SHA-256 hex identifier). */
export function newSigningKey(type: "ec" | "rsa" | "ed25519" = "ec"): SigningKey {
  const { privateKey, publicKey } =
    type === "ec"
      ? generateKeyPairSync("ec", { namedCurve: "prime256v1" })
      : type === "rsa"
        ? generateKeyPairSync("rsa", { modulusLength: 2048 })
        : generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return { identifier: createHash("sha256").update(publicKeyPem).digest("hex"), privateKey, publicKeyPem };
}

/** GitHub's headers for this body: the key's identifier and its base64 DER signature over the bytes. */
export function githubHeaders(key: SigningKey, body: string | Buffer): Record<string, string> {
  const signature =
    key.privateKey.asymmetricKeyType === "ed25519"
      ? sign(null, Buffer.from(body), key.privateKey)
      : sign("sha256", Buffer.from(body), { key: key.privateKey, dsaEncoding: "der" });
  return {
    "Content-Type": "application/json",
    "Github-Public-Key-Identifier": key.identifier,
    "Github-Public-Key-Signature": signature.toString("base64"),
  };
}

/** GitHub's report body for these tokens. */
export function githubReport(tokens: string[], url = "https://github.com/octo-org/octo-repo/blob/abc123/.env", source = "content"): string {
  return JSON.stringify(tokens.map((token) => ({ token, type: "one_api_key", url, source })));
}

/**
 * A local keys endpoint: each path (`/keys/<name>`) publishes its own list of keys, or answers
 * 503 while "down"; counts the requests per path.
 */
export class KeysEndpoint {
  private readonly published = new Map<string, SigningKey[]>();
  private readonly down = new Set<string>();
  readonly hits = new Map<string, number>();
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname.replace(/^\/keys\//, ""));
      this.hits.set(name, (this.hits.get(name) ?? 0) + 1);
      const keys = this.published.get(name);
      if (this.down.has(name) || !keys) {
        response.writeHead(503, { "Content-Type": "application/json" }).end('{"message":"unavailable"}');
        return;
      }
      const body = {
        public_keys: keys.map((key, i) => ({ key_identifier: key.identifier, key: key.publicKeyPem, is_current: i === keys.length - 1 })),
      };
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : port;
    return this;
  }

  url(name: string): string {
    return `http://127.0.0.1:${this.port}/keys/${encodeURIComponent(name)}`;
  }

  publish(name: string, keys: SigningKey[]) {
    this.published.set(name, keys);
    this.down.delete(name);
  }

  setDown(name: string, down = true) {
    if (down) this.down.add(name);
    else this.down.delete(name);
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}

/** The key e2e/global-setup.ts made for this run, which the e2e server's keys URL publishes. */
export function e2eSigningKey(): SigningKey {
  const stored = JSON.parse(readFileSync(E2E_GITHUB_KEY_FILE, "utf8")) as {
    identifier: string;
    privateKeyPem: string;
    publicKeyPem: string;
  };
  return { identifier: stored.identifier, privateKey: createPrivateKey(stored.privateKeyPem), publicKeyPem: stored.publicKeyPem };
}
