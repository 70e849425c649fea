// Results go to stdout, everything said to the person to stderr, so `one … | jq` and
// `KEY=$(one keys create …)` get the result alone.

export const out = (text: string) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
export const say = (text: string) => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
export const json = (value: unknown) => out(JSON.stringify(value, null, 2));

/** A plain table: a header row, then one row per item, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** "3 minutes ago", "never": how long ago an ISO timestamp was. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
  }
  return "just now";
}
