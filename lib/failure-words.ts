// Why a section could not load, in words a manager can act on: never "Failed to fetch" or a bare status.
interface HttpFailure {
  status: number;
  message: string;
}

const isHttpFailure = (e: unknown): e is HttpFailure =>
  e instanceof Error && typeof (e as Partial<HttpFailure>).status === "number";

export function failureInWords(error: unknown): string {
  if (isHttpFailure(error)) {
    if (error.status === 401) return "your session has ended; sign in again";
    if (error.status === 403) return "this account may not read it";
    if (error.status === 404) return "it was not found (the portfolio may have been deleted)";
    if (error.status === 429) return "too many requests at once; wait a moment";
    if (error.status >= 500) return `the server failed to answer (error ${error.status}); the failure is in its log`;
    // A 4xx the server explained: its message already says what was wrong.
    return error.message;
  }
  // fetch() rejects with a TypeError when no answer came back at all.
  if (error instanceof TypeError) return "the server could not be reached; check the connection";
  if (error instanceof Error && error.message.startsWith("Unexpected answer")) return "the server's answer was not understood; reloading the page may help";
  return "an unexpected error happened";
}
