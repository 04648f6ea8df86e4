import { fetchAuthSession } from "./api/http";

/** The signed-in user (or guest) of the browser session, with the access token the API takes (null for guests). */
export type Session = {
  user: { id: string; name: string; roles: string[] };
  accessToken: string | null;
  /** Seconds until the access token expires (null: a guest, whose cookie does not expire mid-interview). */
  expiresIn?: number | null;
  /** Seconds after which to ask again: the server then refreshes the tokens before they expire. */
  renewIn?: number | null;
};

/** Signed-in user of the browser session, or a redirect to sign in that comes back to this address (a replay's ?t= too). */
export async function requireSession(): Promise<Session | null> {
  const response = await fetchAuthSession();
  if (response.ok) return (await response.json()) as Session;
  window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname + window.location.search));
  return null;
}

export type SignInState = "signed-in" | "signed-out";

export interface SignInListener {
  /** A renewed access token (the same person): hand it to the socket and the API. */
  renewed?(token: string): void;
  /** The sign-in ended ("signed-out") or is back ("signed-in"). */
  state?(state: SignInState): void;
}

/** What the keeper needs of the browser, so tests can drive it with fake time and a fake server. */
export interface SignInEnvironment {
  fetchSession(): Promise<{ status: number; session: Session | null }>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserSignInEnvironment: SignInEnvironment = {
  fetchSession: async () => {
    const response = await fetchAuthSession();
    return { status: response.status, session: response.ok ? ((await response.json()) as Session) : null };
  },
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** How long to wait before asking again after a network failure (the server may be restarting). */
const RETRY_MS = 5_000;

/**
 * Keeps a page signed in for as long as the sign-in lasts: asks the server for the session shortly
 * before the access token expires (the server refreshes the tokens then), and passes the renewed token
 * on. When the sign-in has really ended (the server answers 401/499: SSO session over, logged out
 * elsewhere, account disabled) it says so once, and checks again when asked (after "Sign in again").
 */
export class SignInKeeper {
  private token: string | null;
  private current: SignInState = "signed-in";
  private timer: unknown = null;
  private stopped = false;
  private readonly listeners = new Set<SignInListener>();

  constructor(
    initial: Session,
    private readonly env: SignInEnvironment = browserSignInEnvironment,
  ) {
    this.token = initial.accessToken;
    this.schedule(initial);
  }

  /** The current access token (null for a guest). */
  get accessToken(): string | null {
    return this.token;
  }

  get state(): SignInState {
    return this.current;
  }

  listen(listener: SignInListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Asks the server now: "signed-in" with a fresh token when the sign-in is still good (refreshing it if
   * due), "signed-out" when it has ended. A network failure counts as signed in (the socket's own retry
   * covers an unreachable server).
   */
  async check(): Promise<SignInState> {
    let answer: { status: number; session: Session | null };
    try {
      answer = await this.env.fetchSession();
    } catch {
      this.scheduleIn(RETRY_MS);
      return this.current;
    }
    if (answer.session) {
      const renewed = answer.session.accessToken !== null && answer.session.accessToken !== this.token;
      this.token = answer.session.accessToken;
      this.setState("signed-in");
      if (renewed && this.token) for (const l of this.listeners) l.renewed?.(this.token);
      this.schedule(answer.session);
      return "signed-in";
    }
    if (answer.status === 401 || answer.status === 499 || answer.status === 403) {
      if (this.timer !== null) this.env.clearTimeout(this.timer);
      this.timer = null;
      this.setState("signed-out");
      return "signed-out";
    }
    this.scheduleIn(RETRY_MS);
    return this.current;
  }

  private schedule(session: Session): void {
    if (session.accessToken === null || session.renewIn === null || session.renewIn === undefined) return;
    this.scheduleIn(Math.max(1, session.renewIn) * 1000);
  }

  private scheduleIn(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      void this.check();
    }, ms);
  }

  private setState(state: SignInState): void {
    if (state === this.current) return;
    this.current = state;
    for (const l of this.listeners) l.state?.(state);
  }
}

/** The channel a sign-in finished in another tab or popup announces itself on (see public/signed-in.html). */
export const SIGNED_IN_CHANNEL = "mockboard-signed-in";

/** Opens the sign-in in a new tab or popup; the board carries on where it was once it is done. */
export function openSignIn(): void {
  const next = "/signed-in.html";
  const popup = window.open("/login?next=" + encodeURIComponent(next), "mockboard-sign-in", "popup,width=520,height=680");
  if (!popup) window.open("/login?next=" + encodeURIComponent(next), "_blank");
}

/** Calls back whenever a sign-in completes in another tab or popup of this browser. */
export function onSignedInElsewhere(callback: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(SIGNED_IN_CHANNEL);
  channel.onmessage = () => callback();
  return () => channel.close();
}
