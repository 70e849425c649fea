// Asks a yes/no question on stderr and reads one line of stdin (a terminal or a pipe). Anything
// but y/yes, including no input at all, is a no.
import { createInterface } from "node:readline";

export async function confirm(question: string): Promise<boolean> {
  process.stderr.write(`${question} [y/N] `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once("line", resolve);
      lines.once("close", () => resolve(""));
    });
    if (!process.stdin.isTTY) process.stderr.write("\n");
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}
