/**
 * The page's one way to call the server's REST API: {@link Http.fetch} adds the sign-in's bearer token (renewing
 * it once when refused as expired), and {@link Http.json} turns a refusal's `application/problem+json` body into
 * an {@link HttpError} with a message for people. A guest has no token: their HttpOnly cookie identifies them.
 */

/** An RFC 9457 problem document as the server's error mapper writes it (every field optional). */
export type Problem = { type?: string; title?: string; status?: number; detail?: string; [key: string]: unknown };

/** A refused request: the status, the problem document if the body was one, and a message to show. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The problem document of a refused response, or null when its body is not JSON. Never throws. */
export async function problemOf(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Problem) : null;
  } catch {
    return null;
  }
}

/** The error for a refused response: the problem's `detail`, else "`what` failed (status)". */
export async function httpError(response: Response, what: string): Promise<HttpError> {
  const problem = await problemOf(response);
  const detail = typeof problem?.detail === "string" && problem.detail ? problem.detail : null;
  return new HttpError(detail ?? `${what} failed (${response.status})`, response.status, problem);
}

/** A JSON request body with its method. */
export function jsonBody(method: "POST" | "PUT" | "PATCH" | "DELETE", body: unknown): RequestInit {
  return { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

/** The browser session (`GET /auth/session`): the signed-in user or guest, with a fresh access token. */
export function fetchAuthSession(): Promise<Response> {
  return fetch("/auth/session", { headers: { "X-Requested-With": "JavaScript" }, cache: "no-store" });
}

/** Where the bearer token comes from: the page's sign-in keeper, which renews it. */
export interface TokenSource {
  readonly accessToken: string | null;
  check(): Promise<"signed-in" | "signed-out">;
}

/** A token that is renewed only by asking the session again (pages without a sign-in keeper). */
function fixedToken(initial: string | null): TokenSource {
  let token = initial;
  return {
    get accessToken() {
      return token;
    },
    async check() {
      const session = await fetchAuthSession();
      if (!session.ok) return "signed-out";
      token = ((await session.json()) as { accessToken: string | null }).accessToken;
      return "signed-in";
    },
  };
}

export class Http {
  private readonly source: TokenSource;

  constructor(token: string | null | TokenSource) {
    this.source = typeof token === "object" && token !== null ? token : fixedToken(token);
  }

  /** Fetches with the current access token; a 401 with a token renews the sign-in and tries once more. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const attempt = () => {
      const token = this.source.accessToken;
      return fetch(path, {
        ...init,
        headers: { ...(init.headers ?? {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    };
    let response = await attempt();
    if (response.status === 401 && this.source.accessToken !== null && (await this.source.check()) === "signed-in") {
      response = await attempt();
    }
    return response;
  }

  /** The JSON answer to a request, or an {@link HttpError} saying what failed ("`what` failed (status)" without a detail). */
  async json<T>(path: string, what: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) throw await httpError(response, what);
    return (await response.json()) as T;
  }
}
