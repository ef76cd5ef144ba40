import { describe, expect, it } from "vitest";
import { useTestServer, type TestServer } from "../helpers/test-app.js";

const VIZ = "http://viz.example";
const NOTEBOOK = "http://notebook.example";
const EVIL = "http://evil.example";
const QUERY = JSON.stringify({ query: '{ entity(id: "dji") { name } }' });
const EXPORT = "/export/cytoscape?scope=neighborhood&id=dji";

/** The browser's preflight before a cross-origin JSON POST to /graphql. */
function preflight(t: TestServer, origin: string): Promise<Response> {
  return fetch(`${t.server.url}/graphql`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });
}

/** A cross-origin JSON POST to /graphql, as a page on `origin` sends it after the preflight. */
async function post(t: TestServer, origin: string): Promise<Response> {
  const res = await fetch(`${t.server.url}/graphql`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: QUERY });
  expect(await res.json()).toEqual({ data: { entity: { name: "DJI" } } });
  return res;
}

/** A cross-origin GET of an export, read to the end. */
async function exportFrom(t: TestServer, origin: string): Promise<Response> {
  const res = await fetch(`${t.server.url}${EXPORT}`, { headers: { origin } });
  expect(res.status).toBe(200);
  await res.text();
  return res;
}

const allowOrigin = (res: Response) => res.headers.get("access-control-allow-origin");

describe("CORS with CORS_ORIGINS unset (the default)", () => {
  const server = useTestServer();

  it("answers a preflight from another origin without Access-Control-Allow-Origin", async () => {
    const res = await preflight(server(), VIZ);
    expect(allowOrigin(res)).toBeNull();
    expect(res.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("answers a POST /graphql from another origin without Access-Control-Allow-Origin, so the browser withholds it", async () => {
    expect(allowOrigin(await post(server(), VIZ))).toBeNull();
  });

  it("answers GET /export from another origin without Access-Control-Allow-Origin", async () => {
    expect(allowOrigin(await exportFrom(server(), VIZ))).toBeNull();
  });
});

describe("CORS with CORS_ORIGINS listing origins (comma-separated, spaces trimmed)", () => {
  const server = useTestServer({ CORS_ORIGINS: `${VIZ}, ${NOTEBOOK}` });

  it("allows a listed origin's preflight for a JSON POST", async () => {
    const res = await preflight(server(), VIZ);
    expect(res.status).toBe(204);
    expect(allowOrigin(res)).toBe(VIZ);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,HEAD,POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("allows a listed origin's POST /graphql, naming that origin only and varying on Origin", async () => {
    const res = await post(server(), VIZ);
    expect(allowOrigin(res)).toBe(VIZ);
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expect(allowOrigin(await post(server(), NOTEBOOK))).toBe(NOTEBOOK);
  });

  it("allows a listed origin's GET /export", async () => {
    expect(allowOrigin(await exportFrom(server(), VIZ))).toBe(VIZ);
  });

  it("still gives an unlisted origin no Access-Control-Allow-Origin on the preflight, POST or export", async () => {
    expect(allowOrigin(await preflight(server(), EVIL))).toBeNull();
    expect(allowOrigin(await post(server(), EVIL))).toBeNull();
    expect(allowOrigin(await exportFrom(server(), EVIL))).toBeNull();
  });
});
