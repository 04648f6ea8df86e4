import { afterEach, describe, expect, it, vi } from "vitest";
import { Http, HttpError, httpError, problemOf } from "./http";

const problem = (status: number, body: unknown, type = "application/problem+json") =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": type } });

afterEach(() => vi.unstubAllGlobals());

describe("problem+json", () => {
  it("reads a problem document, and nothing from a body that is not one", async () => {
    expect(await problemOf(problem(409, { title: "Conflict", status: 409, detail: "Already submitted" }))).toEqual({
      title: "Conflict",
      status: 409,
      detail: "Already submitted",
    });
    expect(await problemOf(problem(502, "<html>Bad gateway</html>", "text/html"))).toBeNull();
    expect(await problemOf(problem(500, [1, 2]))).toBeNull();
  });

  it("says the problem's detail, else what failed and the status", async () => {
    const refused = await httpError(problem(403, { detail: "Only interviewers may do this" }), "Saving the note");
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused.message).toBe("Only interviewers may do this");
    expect(refused.status).toBe(403);
    expect((await httpError(problem(500, { detail: "" }), "Saving the note")).message).toBe("Saving the note failed (500)");
    expect((await httpError(problem(502, "oops", "text/plain"), "Loading the recording")).message).toBe("Loading the recording failed (502)");
  });
});

describe("Http", () => {
  it("sends the bearer token, renews it once on a 401, and gives JSON or an HttpError", async () => {
    let token = "old";
    const seen: (string | null)[] = [];
    vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization ?? null;
      seen.push(auth);
      if (auth === "Bearer old") return problem(401, { detail: "expired" });
      return problem(200, { ok: true }, "application/json");
    });
    const http = new Http({
      get accessToken() {
        return token;
      },
      check: async () => {
        token = "new";
        return "signed-in" as const;
      },
    });
    expect(await http.json<{ ok: boolean }>("/api/x", "Loading x")).toEqual({ ok: true });
    expect(seen).toEqual(["Bearer old", "Bearer new"]);

    vi.stubGlobal("fetch", async () => problem(404, { detail: "No such session" }));
    await expect(http.json("/api/y", "Loading y")).rejects.toThrow("No such session");
  });

  it("sends no Authorization header for a guest (their cookie identifies them)", async () => {
    const headers: HeadersInit[] = [];
    vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
      headers.push(init.headers ?? {});
      return problem(401, { detail: "no" });
    });
    const response = await new Http(null).fetch("/api/z", { headers: { Accept: "application/json" } });
    expect(response.status).toBe(401);
    expect(headers).toEqual([{ Accept: "application/json" }]);
  });
});
