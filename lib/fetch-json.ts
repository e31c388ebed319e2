// Client fetch helper: parses `{ error: { code, message } }` answers into thrown errors with that message.
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new FetchError(res.status, err?.code ?? "internal", err?.message ?? `Request failed with status ${res.status}`);
  }
  return body as T;
}
