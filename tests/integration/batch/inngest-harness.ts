// The batch's Inngest functions under @inngest/test, with what Inngest itself would do around them:
// each child run invoked by the parent (the real refresh-portfolio function, in its own test engine, on
// the payload the parent sent), a child that failed after its retries handed back as a rejected invoke,
// and a function's onFailure handler run on Inngest's "function failed" event.
import { randomUUID } from "node:crypto";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import { serializeError, StepError, type Context, type EventPayload, type InngestFunction, type JsonError } from "inngest";
import { vi } from "vitest";
import { refreshPortfolioFn } from "@/inngest/functions/refresh-portfolio";
import { runBatch } from "@/inngest/functions/run-batch";

type Invoke = (id: string, opts: { data?: unknown }) => Promise<unknown>;

export interface BatchExecution {
  result?: unknown;
  error?: unknown;
  ctx: InngestTestEngine.MockContext;
  state: InngestTestEngine.MockState;
  /** The payload the parent sent each child, by invoke step id. */
  invoked: Map<string, unknown>;
  /** The error each failed child handed back to the parent, by invoke step id. */
  childErrors: Map<string, JsonError>;
}

/**
 * Runs run-batch for `event`, answering the invoke step `refresh-<id>` of each of `portfolioIds` with
 * the real child run; `steps` mocks more steps (a retry's memoized ones).
 *
 * A child that fails comes back to the parent as Inngest's executor hands back an invoke whose run
 * failed after its retries: step state `{ error }`, which the SDK turns into a rejected `StepError`.
 * @inngest/test 1.0.0 cannot express that with inngest 4: a mocked step whose handler throws resolves
 * with `undefined` (the engine tests the mock's `data` promise, not its value, for `undefined`: the
 * cause of inngest/inngest-js#1652, the symptom of #1008). So the step tools are wrapped
 * (`transformCtx`) to reject such an invoke with the `StepError` the SDK builds from step state
 * `{ error }` (engine.js: `new StepError(opId.id, result.error)`). The wrapper only adds that
 * rejection: it stays correct once @inngest/test rejects by itself.
 */
export async function executeBatch(event: EventPayload, portfolioIds: readonly string[], steps: InngestTestEngine.MockedStep[] = []): Promise<BatchExecution> {
  const invoked = new Map<string, unknown>();
  const childErrors = new Map<string, JsonError>();
  const transformCtx = (raw: Context.Any): Context.Any => {
    const ctx = mockCtx(raw);
    const tools = ctx.step as unknown as { invoke: Invoke };
    const spy = tools.invoke;
    tools.invoke = vi.fn(async (id: string, opts: { data?: unknown }) => {
      invoked.set(id, opts.data);
      const value = await Reflect.apply(spy, tools, [id, opts]);
      const error = childErrors.get(id);
      if (error) throw new StepError(id, error);
      return value;
    });
    return ctx;
  };
  const children = portfolioIds.map((portfolioId): InngestTestEngine.MockedStep => {
    const id = `refresh-${portfolioId}`;
    return {
      id,
      handler: async () => {
        const data = invoked.get(id);
        if (data === undefined) throw new Error(`the child of ${id} ran before the parent invoked it`);
        const child = await new InngestTestEngine({ function: refreshPortfolioFn }).execute({ events: [{ name: "inngest/function.invoked", data }] });
        if (child.error === undefined) return child.result;
        childErrors.set(id, serializeError(child.error));
        throw child.error;
      },
    };
  });
  const out = await new InngestTestEngine({ function: runBatch, transformCtx }).execute({ events: [event], steps: [...steps, ...children] });
  return { ...out, invoked, childErrors };
}

/** Ids of the step.run calls of the execution that finished the run (memoized ones included), in order. */
export function stepRunIds(ctx: InngestTestEngine.MockContext): string[] {
  return (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
}

/**
 * `fn`'s onFailure handler as Inngest runs it: the serve handler registers it as its own function
 * ("<fn id>-failure", triggered by inngest/function.failed) and executes `fn` with `handlerKind:
 * "failure"` (InngestCommHandler: `fn.createExecution({ partialOptions: { …, handlerKind } })`), which
 * runs `onFailure` with the event's error deserialized. @inngest/test 1.0.0 always runs the main handler,
 * so this passes the option the serve handler passes.
 */
export function onFailureOf(fn: InngestFunction.Any): InngestFunction.Like {
  type Execution = { createExecution(opts: { partialOptions: Record<string, unknown> }): unknown; client: unknown };
  const real = fn as unknown as Execution;
  const failure: Execution & InngestFunction.Like = {
    [Symbol.toStringTag]: "Inngest.Function",
    client: real.client,
    createExecution: (opts) => real.createExecution({ ...opts, partialOptions: { ...opts.partialOptions, handlerKind: "failure" } }),
  };
  return failure;
}

/** The event Inngest sends when a run of `functionId` failed after its retries with `error`. */
export function functionFailedEvent(functionId: string, original: EventPayload, error: unknown): EventPayload {
  return {
    name: "inngest/function.failed",
    data: { function_id: functionId, run_id: randomUUID(), error: serializeError(error), event: original },
  };
}
