// A real SMTP server (smtp-server, by nodemailer's authors) on a free port of 127.0.0.1 for the
// mail tests: it keeps every message it accepts with its envelope, and refuses for good (550) the
// recipients whose address starts with "refuse-". It can be stopped and started again on the same
// port, as an SMTP outage.
import { SMTPServer } from "smtp-server";
import { parseMail, type MailMessage } from "../../scripts/mail-message";
import { freePort } from "../../scripts/free-port";

export type Received = MailMessage & { raw: string; recipients: string[] };

export class TestSmtpServer {
  readonly received: Received[] = [];
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith("refuse-")) {
          const error = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          this.received.push({ ...parseMail(raw), raw, recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => resolve());
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): Received[] {
    return this.received.filter((message) => message.recipients.includes(address));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
