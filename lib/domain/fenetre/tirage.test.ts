import { describe, expect, it } from "vitest";
import { classer, tirage } from "@/lib/domain/fenetre/tirage";

describe("the window's draw", () => {
  it("is the hex sha256 of « graine:uniteId:enfantId », and changes with each of them", () => {
    // computed apart: printf 'graine:3:enfant-a' | sha256sum
    expect(tirage("graine", 3, "enfant-a")).toBe("83acb24392c6d9e20a108289cfc41b635c59bc7500f1f5255a06978f151eaa68");
    expect(tirage("autre", 3, "enfant-a")).not.toBe(tirage("graine", 3, "enfant-a"));
    expect(tirage("graine", 4, "enfant-a")).not.toBe(tirage("graine", 3, "enfant-a"));
    expect(tirage("graine", 3, "enfant-b")).not.toBe(tirage("graine", 3, "enfant-a"));
  });

  it("ranks by points first, whatever the draw, then the lower draw first", () => {
    const rangs = classer([
      { enfantId: "a", points: 0, tirage: "00" },
      { enfantId: "b", points: 50, tirage: "ff" },
      { enfantId: "c", points: 20, tirage: "80" },
      { enfantId: "d", points: 20, tirage: "10" },
    ]);
    expect(rangs.map((c) => [c.enfantId, c.rang])).toEqual([
      ["b", 1],
      ["d", 2],
      ["c", 3],
      ["a", 4],
    ]);
  });

  it("gives the same ranking whatever order the candidates come in, and another seed reorders ties only", () => {
    const enfants = Array.from({ length: 40 }, (_, i) => `enfant-${i}`);
    const candidats = (graine: string) =>
      enfants.map((enfantId, i) => ({ enfantId, points: i % 3 === 0 ? 30 : 0, tirage: tirage(graine, 1, enfantId) }));
    const ordre = (graine: string, liste = candidats(graine)) => classer(liste).map((c) => c.enfantId);
    expect(ordre("s1", candidats("s1").reverse())).toEqual(ordre("s1"));
    const [un, deux] = [ordre("s1"), ordre("s2")];
    expect(un).not.toEqual(deux);
    // the 14 children with 30 points come first under either seed
    const prioritaires = enfants.filter((_, i) => i % 3 === 0).sort();
    expect([...un.slice(0, 14)].sort()).toEqual(prioritaires);
    expect([...deux.slice(0, 14)].sort()).toEqual(prioritaires);
  });
});
