/** The signed-in user (or guest) of the browser session, with the access token the API takes (null for guests). */
export type Session = { user: { id: string; name: string; roles: string[] }; accessToken: string | null };

/** Signed-in user of the browser session, or a redirect to sign in. */
export async function requireSession(): Promise<Session | null> {
  const response = await fetch("/auth/session", { headers: { "X-Requested-With": "JavaScript" } });
  if (response.ok) return (await response.json()) as Session;
  window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname));
  return null;
}

