// The shape every command has: its usage line and a function of the parsed arguments.
export interface Flags {
  json?: boolean;
  yes?: boolean;
  all?: boolean;
  web?: boolean;
  "no-browser"?: boolean;
  description?: string;
  "expires-in"?: string;
  grace?: string;
  range?: string;
  title?: string;
  workspace?: string;
  "api-url"?: string;
  issuer?: string;
  "client-id"?: string;
  audience?: string;
}

export interface Command {
  usage: string;
  summary: string;
  run: (args: { flags: Flags; positionals: string[] }) => Promise<void>;
}
