// /api/inngest — Inngest's serve endpoint: introspection (GET), registration (PUT) and step execution
// (POST), authenticated by Inngest's signing key outside dev mode.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
