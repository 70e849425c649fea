// A pure string → string function with its recent answers kept. For address parsing on the API-key
// path: ipaddr.js parses an address with regular expressions, several times a request, while the
// addresses themselves repeat (services keep calling from the same few). Bounded: past `size`
// entries the cache starts over, so a flood of distinct addresses costs memory of `size` at most.
export function boundedMemo(fn: (input: string) => string, size = 10_000): (input: string) => string {
  const answers = new Map<string, string>();
  return (input) => {
    let answer = answers.get(input);
    if (answer === undefined) {
      answer = fn(input);
      if (answers.size >= size) answers.clear();
      answers.set(input, answer);
    }
    return answer;
  };
}
