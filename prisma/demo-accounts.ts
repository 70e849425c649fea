// Demo people of the local OpenID provider (scripts/dev-oidc) and of the database seed.
// Both import this one list so that a subject signed in at the provider always matches a
// seeded user. Kept free of imports so the seed and the provider can load it anywhere.
// Development only: the password is public on purpose.

export interface DemoAccount {
  /** The OpenID `sub` claim; the seed stores it as the user's `oidcSubject`. */
  readonly subject: string;
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { subject: "demo-owner", email: "owner@example.com", name: "Olivia Owner", password: "password" },
  { subject: "demo-admin", email: "admin@example.com", name: "Adam Admin", password: "password" },
  { subject: "demo-member", email: "member@example.com", name: "Mia Member", password: "password" },
  { subject: "demo-outsider", email: "outsider@example.com", name: "Oscar Outsider", password: "password" },
];
