import { describe, expect, it } from "vitest";
import { SignInKeeper, type Session, type SignInEnvironment } from "./auth";

function session(token: string, renewIn: number | null = 30): Session {
  return { user: { id: "alice", name: "Alice", roles: ["interviewer"] }, accessToken: token, expiresIn: 60, renewIn };
}

class FakeServer implements SignInEnvironment {
  time = 0;
  answers: ({ status: number; session: Session | null } | "network-down")[] = [];
  asked: number[] = [];
  private tasks: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  async fetchSession() {
    this.asked.push(this.time);
    const answer = this.answers.shift();
    if (answer === "network-down") throw new Error("offline");
    return answer ?? { status: 499, session: null };
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.tasks.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.tasks = this.tasks.filter((t) => t.id !== handle);
  }
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = this.tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.time = end;
  }
}

describe("SignInKeeper", () => {
  it("asks for the session when the server says to renew, and passes each renewed token on", async () => {
    const server = new FakeServer();
    const keeper = new SignInKeeper(session("t1"), server);
    const renewed: string[] = [];
    keeper.listen({ renewed: (t) => renewed.push(t) });
    server.answers.push({ status: 200, session: session("t2") }, { status: 200, session: session("t3") });

    await server.advance(29_000);
    expect(server.asked).toEqual([]);
    await server.advance(1_000);
    expect(server.asked).toEqual([30_000]);
    await server.advance(30_000);
    expect(server.asked).toEqual([30_000, 60_000]);
    expect(renewed).toEqual(["t2", "t3"]);
    expect(keeper.accessToken).toBe("t3");
    keeper.stop();
  });

  it("keeps a whole interview signed in across many token lifetimes", async () => {
    const server = new FakeServer();
    const keeper = new SignInKeeper(session("t0", 20), server);
    for (let i = 1; i <= 200; i++) server.answers.push({ status: 200, session: session(`t${i}`, 20) });
    await server.advance(45 * 60_000);
    expect(server.asked.length).toBeGreaterThanOrEqual(45 * 3 - 1);
    expect(keeper.state).toBe("signed-in");
    keeper.stop();
  });

  it("says once that the sign-in ended, stops asking, and is signed in again when a check succeeds", async () => {
    const server = new FakeServer();
    const keeper = new SignInKeeper(session("t1"), server);
    const states: string[] = [];
    keeper.listen({ state: (s) => states.push(s) });
    server.answers.push({ status: 499, session: null });
    await server.advance(30_000);
    expect(keeper.state).toBe("signed-out");
    await server.advance(600_000);
    expect(server.asked).toHaveLength(1);

    server.answers.push({ status: 200, session: session("t9") });
    expect(await keeper.check()).toBe("signed-in");
    expect(states).toEqual(["signed-out", "signed-in"]);
    expect(keeper.accessToken).toBe("t9");
    keeper.stop();
  });

  it("treats an unreachable server as still signed in and tries again shortly", async () => {
    const server = new FakeServer();
    const keeper = new SignInKeeper(session("t1"), server);
    server.answers.push("network-down", { status: 200, session: session("t2") });
    await server.advance(30_000);
    expect(keeper.state).toBe("signed-in");
    await server.advance(5_000);
    expect(server.asked).toEqual([30_000, 35_000]);
    expect(keeper.accessToken).toBe("t2");
    keeper.stop();
  });

  it("never schedules anything for a guest, whose cookie has no token to renew", async () => {
    const server = new FakeServer();
    const keeper = new SignInKeeper({ user: { id: "g", name: "Guest", roles: [] }, accessToken: null }, server);
    await server.advance(3_600_000);
    expect(server.asked).toEqual([]);
    keeper.stop();
  });
});
