// HTML of the local OpenID provider: the sign-in form and a plain error page.
// Everything that comes from a request is escaped with escapeHtml before it lands here.

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function signInPage(options: { action: string; email: string; wrongCredentials: boolean }): string {
  const { action, email, wrongCredentials } = options;
  const invalid = wrongCredentials ? ' aria-invalid="true" aria-describedby="sign-in-error"' : "";
  const alert = wrongCredentials
    ? '<p id="sign-in-error" class="alert" role="alert">Wrong email or password.</p>'
    : "";
  // Focus the first field the person still has to fill in.
  const focusEmail = email === "" ? " autofocus" : "";
  const focusPassword = email === "" ? "" : " autofocus";
  return layout(
    "Sign in",
    `<h1>Sign in</h1>
    ${alert}
    <form method="post" action="${escapeHtml(action)}">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${focusEmail}${invalid}>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required${focusPassword}${invalid}>
      <button type="submit">Sign in</button>
    </form>
    <p class="note">Local development sign-in. Demo accounts: owner@, admin@, member@ and outsider@example.com, password “password”.</p>`,
  );
}

/**
 * The provider's sign-out step: `form` (oidc-provider's, with its anti-forgery field) plus
 * logout=yes, submitted at once; without JavaScript the button does it.
 */
export function signOutPage(form: string): string {
  const withLogout = form.replace("</form>", '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>');
  return layout(
    "Signing out",
    `<h1>Signing out…</h1>
    ${withLogout}
    <script>document.getElementById("op.logoutForm").submit();</script>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n    <p>${escapeHtml(message)}</p>`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · One</title>
  <style>
    :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
    main { width: min(22rem, calc(100% - 2rem)); padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 0.75rem; }
    .product { margin: 0; font-weight: 700; letter-spacing: 0.04em; }
    h1 { margin: 0.25rem 0 1.25rem; font-size: 1.5rem; }
    form { display: grid; gap: 0.375rem; }
    label { font-weight: 600; margin-top: 0.5rem; }
    input { font: inherit; padding: 0.5rem 0.625rem; border: 1px solid color-mix(in srgb, CanvasText 40%, transparent); border-radius: 0.375rem; }
    input:focus-visible, button:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
    button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.55rem; border: 0; border-radius: 0.375rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    button:hover { background: #1e40af; }
    .alert { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-radius: 0.375rem; background: #fee2e2; color: #7f1d1d; }
    .note { margin: 1.25rem 0 0; font-size: 0.875rem; opacity: 0.75; }
  </style>
</head>
<body>
  <main>
    <p class="product">One</p>
    ${body}
  </main>
</body>
</html>
`;
}
