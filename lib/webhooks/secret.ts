// Webhook signing secrets: `whsec_` + standard base64 of 32 random bytes (the Standard Webhooks
// format the `standardwebhooks` package reads). Unlike API keys they must be usable to sign, so
// they cannot be hashed: they are stored encrypted with AES-256-GCM under a key derived (HKDF) from
// AUTH_SECRET, the server secret every instance already shares. A database dump alone does not
// reveal them. Changing AUTH_SECRET makes the stored secrets unreadable: rotate each endpoint's
// secret afterwards (docs/webhooks.md).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const WEBHOOK_SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;
const FORMAT = "v1";

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/** What people see after creation: the prefix and the last four characters. */
export function webhookSecretHint(secret: string): string {
  return `${WEBHOOK_SECRET_PREFIX}…${secret.slice(-4)}`;
}

function encryptionKey(): Buffer {
  const serverSecret = process.env.AUTH_SECRET;
  if (!serverSecret) throw new Error("AUTH_SECRET must be set: webhook signing secrets are encrypted with a key derived from it.");
  return Buffer.from(hkdfSync("sha256", serverSecret, "", "one webhook signing secrets v1", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptWebhookSecret(stored: string): string {
  const [format, iv, tag, ciphertext] = stored.split(".");
  if (format !== FORMAT || !iv || !tag || !ciphertext) throw new Error("A stored webhook secret is not in a known format.");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
