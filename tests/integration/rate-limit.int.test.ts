import { describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { startTestServer } from "../helpers/test-app.js";

// Issue 21 item 7: one client took 735 searches a second. Per-client limits, off for loopback by default.

const SEARCH = JSON.stringify({ query: '{ search(text: "DJI", limit: 1) { id } }' });

async function searches(url: string, n: number, token?: string): Promise<Response[]> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const out: Response[] = [];
  for (let i = 0; i < n; i += 1) out.push(await fetch(`${url}/graphql`, { method: "POST", headers, body: SEARCH }));
  return out;
}

describe("per-client rate limit", () => {
  it("answers the request past RATE_LIMIT_MAX in the window with 429 RATE_LIMITED and Retry-After, and counts exports too", async () => {
    const t = await startTestServer({ RATE_LIMIT_MAX: "5", RATE_LIMIT_WINDOW_MS: "60000", RATE_LIMIT_LOOPBACK: "true" });
    try {
      const answers = await searches(t.server.url, 5);
      for (const res of answers) {
        expect(res.status).toBe(200);
        expect(((await res.json()) as any).data.search[0].id).toBe("dji");
      }
      const [over] = await searches(t.server.url, 1);
      expect(over!.status).toBe(429);
      const retryAfter = Number(over!.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(over!.headers.get("ratelimit-policy")).toMatch(/q=5; w=60/);
      const body = (await over!.json()) as any;
      expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: 5, windowMs: 60000, requestId: expect.any(String) });
      const exported = await fetch(`${t.server.url}/export/graphml?scope=neighborhood&id=dji`);
      expect(exported.status).toBe(429);
      // Health and readiness stay answerable, so probes never see a throttled server as down.
      const ready = await fetch(`${t.server.url}/ready`);
      expect(ready.status).not.toBe(429);
      expect(await ready.json()).toMatchObject({ database: "up" });
    } finally {
      await t.close();
    }
  });

  it("counts a verified token's subject as the client, whatever address it comes from, and anonymous requests by address", async () => {
    const t = await startTestServer({ RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_MS: "60000", RATE_LIMIT_LOOPBACK: "true" });
    try {
      const [alice, bob] = await Promise.all([testToken("rl-alice", "reader"), testToken("rl-bob", "reader")]);
      expect((await searches(t.server.url, 3, alice)).map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await searches(t.server.url, 1, alice))[0]!.status).toBe(429);
      // Same address, another subject: a budget of its own; and so has the address itself.
      expect((await searches(t.server.url, 3, bob)).map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await searches(t.server.url, 3)).map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await searches(t.server.url, 1))[0]!.status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it("leaves loopback clients unthrottled by default", async () => {
    const t = await startTestServer({ RATE_LIMIT_MAX: "5" });
    try {
      for (const res of await searches(t.server.url, 12)) expect(res.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
