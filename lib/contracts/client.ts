// The typed client: one entry per endpoint, its path and the schema of its answer. A caller names the
// endpoint and gets the type its schema infers; every answer is checked (safeParse) before use, so a
// server that drifts from the contract shows as an error naming the endpoint, not as wrong numbers.
import type { z } from "zod";
import {
  type AsOfQuery,
  concentrationResponse,
  correlationsResponse,
  type FactorsQuery,
  factorsResponse,
  overviewResponse,
  sectorsResponse,
  type SnapshotsQuery,
  snapshotsResponse,
  stressDetailResponse,
  stressListResponse,
  varResponse,
  volatilityResponse,
} from "./analytics";
import { freshnessResponse } from "./admin-freshness";
import { type CreateUserBody, type UserChangeBody, userListResponse, userResponse } from "./admin-users";
import { phasePageResponse, runDetailResponse, runPageResponse, type RunStatus, startedRunResponse, type StartRunBody } from "./admin-runs";
import { type CapitalFlowBody, capitalFlowCreatedResponse, capitalFlowDeletedResponse, capitalFlowListResponse } from "./capital-flows";
import {
  type PortfolioCreateBody,
  portfolioDeletedResponse,
  type PortfolioDeleteBody,
  type PortfolioListQuery,
  portfolioListResponse,
  type PortfolioPatchBody,
  portfolioResponse,
  portfolioUpdateResponse,
} from "./portfolios";
import {
  type ImportBody,
  importCommitResponse,
  importPreviewResponse,
  type PositionCreateBody,
  positionCreatedResponse,
  positionDeletedResponse,
  type PositionPatch,
  positionListResponse,
  positionUpdateResponse,
} from "./positions";
import {
  type DiagnosticsQuery,
  diagnosticsResponse,
  factorHistoryResponse,
  type HistoryQuery,
  stressHistoryResponse,
  type StressHistoryQuery,
  varHistoryResponse,
  volatilityHistoryResponse,
} from "./history";
import { performanceResponse } from "./performance";
import { decompositionResponse } from "./decomposition";
import { type WhatChangedQuery, whatChangedResponse } from "./what-changed";
import { type AggregateQuery, aggregateResponse } from "./aggregate";
import { type RecomputeRequestBody, recomputeRequestedResponse, recomputeStatusResponse } from "./recompute";
import { type CustomScenarioBody, scenarioCreatedResponse, scenarioDeletedResponse, scenarioListResponse, type ScenarioUpdateBody } from "./scenarios";
import { symbolListResponse } from "./symbols";

/** An answer other than 2xx: `{ error: { code, message } }` turned into a thrown error with that message. */
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new FetchError(res.status, err?.code ?? "internal", err?.message ?? `Request failed with status ${res.status}`);
  }
  return body;
}

/** A path with the defined query values appended. */
function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const defined = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined);
  return defined.length ? `${path}?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : path;
}

const portfolio = (id: string, rest: string) => `/api/portfolios/${encodeURIComponent(id)}/${rest}`;

/** A read (GET): its path from the arguments, and the schema of its answer. */
function endpoint<A extends unknown[], S extends z.ZodType>(path: (...args: A) => string, response: S) {
  return { method: "GET", path, response } as const;
}

/** A change: also its method and the type of its body (typed only: the server parses it). */
function mutation<B, A extends unknown[], S extends z.ZodType>(method: "POST" | "PATCH" | "DELETE", path: (...args: A) => string, response: S) {
  return { method, path, response, body: undefined as B | undefined };
}

export const endpoints = {
  runs: endpoint((q: { status?: RunStatus; limit?: number; cursor?: string } = {}) => withQuery("/api/admin/runs", q), runPageResponse),
  run: endpoint((runId: string) => `/api/admin/runs/${encodeURIComponent(runId)}`, runDetailResponse),
  /** The filters are strings from the page's controls: the server checks them. */
  runPhases: endpoint(
    (runId: string, q: { portfolioId?: string; phase?: string; status?: string; date?: string; limit?: number; cursor?: string } = {}) =>
      withQuery(`/api/admin/runs/${encodeURIComponent(runId)}/phases`, q),
    phasePageResponse,
  ),
  startRun: mutation<StartRunBody, [], typeof startedRunResponse>("POST", () => "/api/admin/runs", startedRunResponse),
  users: endpoint(() => "/api/admin/users", userListResponse),
  createUser: mutation<CreateUserBody, [], typeof userResponse>("POST", () => "/api/admin/users", userResponse),
  changeUser: mutation<UserChangeBody, [string], typeof userResponse>("PATCH", (userId) => `/api/admin/users/${encodeURIComponent(userId)}`, userResponse),
  scenarios: endpoint(() => "/api/scenarios", scenarioListResponse),
  createScenario: mutation<CustomScenarioBody, [], typeof scenarioCreatedResponse>("POST", () => "/api/scenarios", scenarioCreatedResponse),
  updateScenario: mutation<ScenarioUpdateBody, [string], typeof scenarioCreatedResponse>("PATCH", (key) => `/api/scenarios/${encodeURIComponent(key)}`, scenarioCreatedResponse),
  deleteScenario: mutation<Record<string, never>, [string], typeof scenarioDeletedResponse>("DELETE", (key) => `/api/scenarios/${encodeURIComponent(key)}`, scenarioDeletedResponse),
  freshness: endpoint((q: { days?: number; asOf?: string } = {}) => withQuery("/api/admin/freshness", q), freshnessResponse),
  portfolios: endpoint((q: PortfolioListQuery = {}) => withQuery("/api/portfolios", q), portfolioListResponse),
  portfolio: endpoint((id: string) => `/api/portfolios/${encodeURIComponent(id)}`, portfolioResponse),
  portfolioCreate: mutation<PortfolioCreateBody, [], typeof portfolioResponse>("POST", () => "/api/portfolios", portfolioResponse),
  portfolioUpdate: mutation<PortfolioPatchBody, [string], typeof portfolioUpdateResponse>("PATCH", (id) => `/api/portfolios/${encodeURIComponent(id)}`, portfolioUpdateResponse),
  portfolioDelete: mutation<PortfolioDeleteBody, [string], typeof portfolioDeletedResponse>("DELETE", (id) => `/api/portfolios/${encodeURIComponent(id)}`, portfolioDeletedResponse),
  symbols: endpoint(() => "/api/symbols", symbolListResponse),
  capitalFlows: endpoint((id: string) => portfolio(id, "capital-flows"), capitalFlowListResponse),
  capitalFlowCreate: mutation<CapitalFlowBody, [string], typeof capitalFlowCreatedResponse>("POST", (id) => portfolio(id, "capital-flows"), capitalFlowCreatedResponse),
  capitalFlowDelete: mutation<Record<string, never>, [string, string], typeof capitalFlowDeletedResponse>(
    "DELETE",
    (id, flowId) => portfolio(id, `capital-flows/${encodeURIComponent(flowId)}`),
    capitalFlowDeletedResponse,
  ),
  positions: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "positions"), q), positionListResponse),
  positionUpdate: mutation<PositionPatch, [string, string], typeof positionUpdateResponse>(
    "PATCH",
    (id, positionId) => portfolio(id, `positions/${encodeURIComponent(positionId)}`),
    positionUpdateResponse,
  ),
  positionCreate: mutation<PositionCreateBody, [string], typeof positionCreatedResponse>("POST", (id) => portfolio(id, "positions"), positionCreatedResponse),
  positionDelete: mutation<Record<string, never>, [string, string], typeof positionDeletedResponse>(
    "DELETE",
    (id, positionId) => portfolio(id, `positions/${encodeURIComponent(positionId)}`),
    positionDeletedResponse,
  ),
  importPreview: mutation<ImportBody & { mode: "preview" }, [string], typeof importPreviewResponse>("POST", (id) => portfolio(id, "positions/import"), importPreviewResponse),
  importCommit: mutation<ImportBody & { mode: "commit" }, [string], typeof importCommitResponse>("POST", (id) => portfolio(id, "positions/import"), importCommitResponse),
  recomputeStatus: endpoint((id: string) => portfolio(id, "recompute"), recomputeStatusResponse),
  requestRecompute: mutation<RecomputeRequestBody, [string], typeof recomputeRequestedResponse>("POST", (id) => portfolio(id, "recompute"), recomputeRequestedResponse),
  overview: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "overview"), q), overviewResponse),
  snapshots: endpoint((id: string, q: SnapshotsQuery = {}) => withQuery(portfolio(id, "snapshots"), q), snapshotsResponse),
  factors: endpoint((id: string, q: FactorsQuery = {}) => withQuery(portfolio(id, "factors"), q), factorsResponse),
  volatility: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "volatility"), q), volatilityResponse),
  var: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "var"), q), varResponse),
  correlations: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "correlations"), q), correlationsResponse),
  concentration: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "concentration"), q), concentrationResponse),
  sectors: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "sectors"), q), sectorsResponse),
  stress: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "stress"), q), stressListResponse),
  performance: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "performance"), q), performanceResponse),
  decomposition: endpoint((id: string, q: AsOfQuery = {}) => withQuery(portfolio(id, "decomposition"), q), decompositionResponse),
  whatChanged: endpoint((id: string, q: WhatChangedQuery = {}) => withQuery(portfolio(id, "what-changed"), q), whatChangedResponse),
  aggregate: endpoint((q: AggregateQuery = {}) => withQuery("/api/aggregate", q), aggregateResponse),
  factorHistory: endpoint((id: string, q: HistoryQuery = {}) => withQuery(portfolio(id, "history/factors"), q), factorHistoryResponse),
  volatilityHistory: endpoint((id: string, q: HistoryQuery = {}) => withQuery(portfolio(id, "history/volatility"), q), volatilityHistoryResponse),
  varHistory: endpoint((id: string, q: HistoryQuery = {}) => withQuery(portfolio(id, "history/var"), q), varHistoryResponse),
  stressHistory: endpoint((id: string, q: StressHistoryQuery) => withQuery(portfolio(id, "history/stress"), q), stressHistoryResponse),
  diagnostics: endpoint((id: string, q: DiagnosticsQuery = {}) => withQuery(portfolio(id, "diagnostics"), q), diagnosticsResponse),
  stressDetail: endpoint(
    (id: string, scenarioKey: string, q: AsOfQuery = {}) => withQuery(portfolio(id, `stress/${encodeURIComponent(scenarioKey)}`), q),
    stressDetailResponse,
  ),
};

type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export type ReadName = { [K in EndpointName]: Endpoints[K]["method"] extends "GET" ? K : never }[EndpointName];
export type MutationName = Exclude<EndpointName, ReadName>;
export type MutationBody<K extends MutationName> = NonNullable<Endpoints[K]["body"]>;
/** What the endpoint's path takes: usually the portfolio id and the query. */
export type EndpointArgs<K extends EndpointName> = Parameters<(typeof endpoints)[K]["path"]>;
export type EndpointResponse<K extends EndpointName> = z.infer<(typeof endpoints)[K]["response"]>;

/** Checks an answer against the endpoint's schema; the error names the endpoint and the first issue. */
export function parseResponse<K extends EndpointName>(name: K, body: unknown): EndpointResponse<K> {
  const schema: z.ZodType = endpoints[name].response;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as EndpointResponse<K>;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? issue.path.join(".") : "(root)";
  throw new Error(`Unexpected answer from ${name}: ${at}: ${issue?.message ?? "invalid"}`);
}

const pathOf = <K extends EndpointName>(name: K, args: EndpointArgs<K>) => (endpoints[name].path as (...a: EndpointArgs<K>) => string)(...args);

export async function fetchEndpoint<K extends ReadName>(name: K, ...args: EndpointArgs<K>): Promise<EndpointResponse<K>> {
  return parseResponse(name, await fetchJson(pathOf(name, args)));
}

export async function sendEndpoint<K extends MutationName>(name: K, body: MutationBody<K>, ...args: EndpointArgs<K>): Promise<EndpointResponse<K>> {
  return parseResponse(name, await fetchJson(pathOf(name, args), { method: endpoints[name].method, body: JSON.stringify(body) }));
}
