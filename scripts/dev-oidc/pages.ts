// HTML of the local OpenID provider: the sign-in form and a plain error page.
// Everything that comes from a request is escaped with escapeHtml before it lands here.

function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

export function signInPage(options: { action: string; email: string; wrongCredentials: boolean }): string {
  const { action, email, wrongCredentials } = options;
  const invalid = wrongCredentials ? ' aria-invalid="true" aria-describedby="sign-in-error"' : "";
  const alert = wrongCredentials ? '<p id="sign-in-error" class="alert" role="alert">Wrong email or password.</p>' : "";
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

// The device flow's pages (`one login` in a terminal): enter the code, confirm it, done. The
// provider hands us its own form HTML; we take its action and anti-forgery token from it and
// render labelled fields of our own (its version @imports Google Fonts and has no labels).
function formParts(providerForm: string): { action: string; xsrf: string } {
  const action = /\baction="([^"]*)"/.exec(providerForm)?.[1] ?? "/device";
  const xsrf = /name="xsrf" value="([^"]*)"/.exec(providerForm)?.[1] ?? "";
  return { action, xsrf };
}

export function deviceCodeInputPage(providerForm: string, problem: string | null): string {
  const { action, xsrf } = formParts(providerForm);
  const invalid = problem ? ' aria-invalid="true" aria-describedby="device-error"' : "";
  return layout(
    "Connect a device",
    `<h1>Connect a device</h1>
    ${problem ? `<p id="device-error" class="alert" role="alert">${escapeHtml(problem)}</p>` : ""}
    <form method="post" action="${escapeHtml(action)}">
      <input type="hidden" name="xsrf" value="${escapeHtml(xsrf)}">
      <label for="user_code">Code shown in your terminal</label>
      <input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" required autofocus${invalid}>
      <button type="submit">Continue</button>
    </form>`,
  );
}

export function deviceConfirmPage(providerForm: string, clientName: string, userCode: string): string {
  const { action, xsrf } = formParts(providerForm);
  const hidden = `<input type="hidden" name="xsrf" value="${escapeHtml(xsrf)}"><input type="hidden" name="user_code" value="${escapeHtml(userCode)}">`;
  return layout(
    "Confirm the code",
    `<h1>Confirm the code</h1>
    <p><strong>${escapeHtml(clientName)}</strong> asks to sign in as you. Continue only if your terminal shows this code:</p>
    <p class="code">${escapeHtml(userCode)}</p>
    <form method="post" action="${escapeHtml(action)}">
      ${hidden}<input type="hidden" name="confirm" value="yes">
      <button type="submit">Continue</button>
    </form>
    <form method="post" action="${escapeHtml(action)}">
      ${hidden}<input type="hidden" name="abort" value="yes">
      <button type="submit" class="secondary">Cancel</button>
    </form>`,
  );
}

export function deviceSuccessPage(): string {
  return layout(
    "Device connected",
    "<h1>Device connected</h1>\n    <p>You are signed in on your device. You can close this page and go back to your terminal.</p>",
  );
}

/**
 * The provider's sign-out step: `form` (oidc-provider's, with its anti-forgery field) plus
 * logout=yes, submitted at once; without JavaScript the button does it.
 */
export function signOutPage(form: string): string {
  const withLogout = form.replace(
    "</form>",
    '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>',
  );
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
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
    main { width: min(24rem, calc(100% - 2rem)); padding: clamp(1.25rem, 5vw, 2rem); border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 0.75rem; }
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
    .code { font: 700 1.75rem ui-monospace, monospace; letter-spacing: 0.1em; text-align: center; }
    button.secondary { width: 100%; margin-top: 0.5rem; background: transparent; color: inherit; border: 1px solid color-mix(in srgb, CanvasText 40%, transparent); }
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
