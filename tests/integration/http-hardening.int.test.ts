import { readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testToken } from "../helpers/auth.js";
import { useTestServer, type TestServer } from "../helpers/test-app.js";

const CLAIMS = join(import.meta.dirname, "..", "fixtures", "import", "claims.csv");
const QUERY = JSON.stringify({ query: '{ entity(id: "dji") { name } }' });

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

/**
 * One HTTP request with exactly the given path and headers, through node:http: fetch forbids
 * setting `Host` and normalises `..` out of paths, and both are what these tests are about.
 */
function raw(t: TestServer, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawResponse> {
  const { port } = t.server;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // Not JSON: the assertions on `json` say so.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const graphqlPost = (host: string) => ({ host, "content-type": "application/json" });

function expectJsonError(res: RawResponse, status: number, code: string): string {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.json?.errors?.[0]?.extensions?.code).toBe(code);
  return String(res.json.errors[0].message);
}

describe("Host allow-list on a loopback HOST (the default)", () => {
  const server = useTestServer();

  it.each([
    ["POST /graphql", "POST", "/graphql"],
    ["GET /export/graphml", "GET", "/export/graphml?scope=neighborhood&id=dji"],
    ["GET /health", "GET", "/health"],
    ["GET /explorer", "GET", "/explorer"],
    ["GET /nope", "GET", "/nope"],
  ])("refuses %s for a rebound name with 421 BAD_HOST, before the route runs", async (_label, method, path) => {
    const res = await raw(server(), method, path, graphqlPost("attacker.example:4140"), method === "POST" ? QUERY : undefined);
    const message = expectJsonError(res, 421, "BAD_HOST");
    expect(message).toContain("attacker.example:4140");
    expect(message).toContain("ALLOWED_HOSTS");
    expect(res.text).not.toContain("DJI");
  });

  it.each(["localhost.attacker.example", "127.0.0.1.nip.io", "attacker.example", "[::2]", "evil:80@127.0.0.1"])(
    "refuses the look-alike host %s",
    async (host) => {
      expectJsonError(await raw(server(), "GET", "/health", { host }), 421, "BAD_HOST");
    },
  );

  it.each(["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])("answers %s on any port", async (name) => {
    for (const port of [String(server().server.port), "80", ""]) {
      const host = port ? `${name}:${port}` : name;
      const health = await raw(server(), "GET", "/health", { host });
      expect(health.status, host).toBe(200);
      const gql = await raw(server(), "POST", "/graphql", graphqlPost(host), QUERY);
      expect(gql.json).toEqual({ data: { entity: { name: "DJI" } } });
    }
  });

  it("refuses a cross-origin preflight sent to a rebound name", async () => {
    const res = await raw(server(), "OPTIONS", "/graphql", {
      host: "attacker.example",
      origin: "http://attacker.example",
      "access-control-request-method": "POST",
    });
    expectJsonError(res, 421, "BAD_HOST");
  });
});

describe("Host allow-list with ALLOWED_HOSTS", () => {
  const server = useTestServer({ ALLOWED_HOSTS: " actorgraph.internal , Graph.Example.org" });

  it("answers the listed names, case-insensitively, besides the loopback names", async () => {
    for (const host of ["actorgraph.internal:4000", "graph.example.org", "localhost:4000"]) {
      expect((await raw(server(), "GET", "/health", { host })).status, host).toBe(200);
    }
  });

  it("still refuses every other name", async () => {
    expectJsonError(await raw(server(), "GET", "/health", { host: "attacker.example" }), 421, "BAD_HOST");
    expectJsonError(await raw(server(), "GET", "/health", { host: "sub.actorgraph.internal" }), 421, "BAD_HOST");
  });
});

// 0.0.0.0 is what the Docker image binds; the test server is reached through 127.0.0.1 all the same.
describe("Host allow-list on a non-loopback HOST", () => {
  describe("without ALLOWED_HOSTS", () => {
    const server = useTestServer({ HOST: "0.0.0.0" });
    it("answers any name, since the server cannot know the names it is reached by", async () => {
      expect((await raw(server(), "GET", "/health", { host: "api.example.org" })).status).toBe(200);
    });
  });

  describe("with ALLOWED_HOSTS", () => {
    const server = useTestServer({ HOST: "0.0.0.0", ALLOWED_HOSTS: "api.example.org" });
    it("answers the listed and loopback names only", async () => {
      expect((await raw(server(), "GET", "/health", { host: "api.example.org" })).status).toBe(200);
      expect((await raw(server(), "GET", "/health", { host: "localhost:4000" })).status).toBe(200);
      expectJsonError(await raw(server(), "GET", "/health", { host: "attacker.example" }), 421, "BAD_HOST");
    });
  });
});

describe("unknown paths, wrong methods and static files", () => {
  const server = useTestServer();

  it.each(["/nope", "/graphql-nope", "/export", "/import"])("answers GET %s with a JSON 404 NOT_FOUND, not Express's HTML page", async (path) => {
    const message = expectJsonError(await raw(server(), "GET", path), 404, "NOT_FOUND");
    expect(message).toContain(path);
    expect(message).toContain("/graphql");
  });

  it.each([
    ["GET", "/import/ftm", "POST"],
    ["POST", "/health", "GET, HEAD"],
    ["DELETE", "/export/graphml", "GET, HEAD, POST"],
    ["PUT", "/export/csv/nodes.csv", "GET, HEAD, POST"],
    ["POST", "/explorer", "GET, HEAD"],
    ["DELETE", "/web/explorer/index.html", "GET, HEAD"],
  ])("answers %s %s with a JSON 405 and Allow: %s", async (method, path, allow) => {
    const res = await raw(server(), method, path);
    const message = expectJsonError(res, 405, "METHOD_NOT_ALLOWED");
    expect(res.headers.allow).toBe(allow);
    expect(message).toContain(method);
  });

  it("answers a plain OPTIONS with 204 and Allow", async () => {
    const res = await raw(server(), "OPTIONS", "/import/claims");
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe("POST");
  });

  it("says a missing bundled file is missing, not that a body is bad JSON", async () => {
    const message = expectJsonError(await raw(server(), "GET", "/web/nope.js"), 404, "NOT_FOUND");
    expect(message).toContain("/web/nope.js");
    expect(message).not.toMatch(/JSON|body/);
    expectJsonError(await raw(server(), "GET", "/web/explorer"), 404, "NOT_FOUND");
  });

  it("refuses a path that climbs out of /web/ as such, without serving the file", async () => {
    for (const path of ["/web/../package.json", "/web/%2e%2e/package.json"]) {
      const res = await raw(server(), "GET", path);
      const message = expectJsonError(res, 403, "FORBIDDEN");
      expect(message).toContain("leaves /web/");
      expect(res.text).not.toContain('actorgraph",');
    }
  });

  it("still names a malformed JSON body as such", async () => {
    const message = expectJsonError(await raw(server(), "POST", "/graphql", graphqlPost(`127.0.0.1:${server().server.port}`), "{not json"), 400, "BAD_REQUEST");
    expect(message).toBe("Bad request: the body is not valid JSON");
  });
});

describe("POST /import/:format query parameters", () => {
  const server = useTestServer();
  const ns = `it-qp-${Date.now().toString(36)}`;
  let TOKEN = "";
  beforeAll(async () => {
    TOKEN = await testToken(`importer-${ns}`, "editor");
  });
  const post = (query: string) =>
    raw(
      server(),
      "POST",
      `/import/claims?${query}`,
      { host: `127.0.0.1:${server().server.port}`, authorization: `Bearer ${TOKEN}`, "content-type": "text/csv" },
      readFileSync(CLAIMS),
    );
  const sources = async () =>
    (await server().app.driver.executeQuery("MATCH (s:Source {namespace: $ns, kind: 'dataset'}) RETURN s.name AS name, s.title AS title", { ns })).records.map(
      (r) => r.toObject(),
    );

  afterAll(async () => {
    await server().app.imports.deleteNamespace(ns);
  });

  it("refuses a repeated name with 400 BAD_OPTION naming it, and writes nothing", async () => {
    const res = await post(`namespace=${ns}&name=a&name=b`);
    const message = expectJsonError(res, 400, "BAD_OPTION");
    expect(res.json.errors[0].extensions.parameter).toBe("name");
    expect(message).toMatch(/name: given 2 times/);
    expect(await sources()).toEqual([]);
  });

  it.each(["name=x", "namespace", "strict=false", "dryRun=true", "aggregate=false", "batchSize=10"])("refuses %s given twice", async (option) => {
    // Always inside the test's namespace, so a regression writes nothing that afterAll does not delete.
    const [key] = option.split("=");
    const pair = key === "namespace" ? `namespace=${ns}` : option;
    const res = await post(key === "namespace" ? `${pair}&${pair}` : `namespace=${ns}&${pair}&${pair}`);
    expectJsonError(res, 400, "BAD_OPTION");
    expect(res.json.errors[0].extensions.parameter).toBe(key);
  });

  it.each([
    ["strict=yes", "strict"],
    ["dryRun=1", "dryRun"],
    ["batchSize=1e3", "batchSize"],
    ["batchSize=", "batchSize"],
    ["name=%20", "name"],
    ["dryrun=true", "dryrun"],
    ["name[x]=1", "name[x]"],
  ])("refuses %s, naming the parameter", async (query, parameter) => {
    const res = await post(`namespace=${ns}&${query}`);
    expectJsonError(res, 400, "BAD_OPTION");
    expect(res.json.errors[0].extensions.parameter).toBe(parameter);
    expect(await sources()).toEqual([]);
  });

  it("stores a single name as the dataset Source's text name and title", async () => {
    const res = await post(`namespace=${ns}&name=Analyst%20findings&strict=false`);
    expect(res.status).toBe(200);
    expect(await sources()).toEqual([{ name: "Analyst findings", title: "Analyst findings" }]);
  });
});
