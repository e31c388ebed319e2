// Runs in the browser before the app's own code (Next.js). The pages run under a Content-Security-Policy
// without 'unsafe-eval' (proxy.ts); zod compiles object parsers with `new Function` when it may, and
// probes for that as each object schema is defined, which the browser reports as a violation. So the
// contract's schemas are built jitless, before any is defined.
import { z } from "zod";

z.config({ jitless: true });
