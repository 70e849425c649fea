// Asks on stderr and reads one line of stdin (a terminal or a pipe). For yes/no, anything but
// y/yes, including no input at all, is a no.
import { createInterface } from "node:readline";

/** The line typed after `question` (trimmed; empty when there is no input at all). */
export async function ask(question: string): Promise<string> {
  process.stderr.write(`${question} `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once("line", resolve);
      lines.once("close", () => resolve(""));
    });
    if (!process.stdin.isTTY) process.stderr.write("\n");
    return answer.trim();
  } finally {
    lines.close();
  }
}

export async function confirm(question: string): Promise<boolean> {
  return /^y(es)?$/i.test(await ask(`${question} [y/N]`));
}
