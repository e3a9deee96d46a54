// A yes/no question on the terminal, for the commands that erase data (db:reset, restauration).
import { createInterface } from "node:readline/promises";

/** Whether the person typed oui (or o, yes, y); no terminal, or stdin closed, counts as no. */
export async function confirmer(question: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  // Without a terminal stdin may end before any answer: that counts as no (question() alone would never settle).
  const answer = await new Promise<string>((resolve) => {
    readline.once("close", () => {
      process.stdout.write("\n");
      resolve("");
    });
    readline.question(question).then(resolve, () => resolve(""));
  });
  readline.removeAllListeners("close");
  readline.close();
  return /^(o|oui|y|yes)$/i.test(answer.trim());
}
