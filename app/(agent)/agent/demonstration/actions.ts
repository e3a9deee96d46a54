"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { reinitialiserDemonstration } from "@/lib/domain/demonstration/reinitialiser";

export const reinitialiserDemonstrationAction = actionAgent(
  "reinitialiserDemonstration",
  z.object({}),
  async ({ agent }) => {
    await reinitialiserDemonstration({ agentId: agent.id });
    // the public pages, served from the cache (lib/coquille.ts), show the demo's data again
    revalidatePath("/", "layout");
    // Every session went with the data: the administrator logs in again, with the demo accounts shown.
    redirect("/agent/connexion");
  },
  { role: "ADMIN" },
);
