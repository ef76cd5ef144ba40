import { it } from "vitest";
import { useTestServer } from "../helpers/test-app.js";
const server = useTestServer();
it("first", async () => {
  const t = Date.now();
  const res = await server().gql(`{ routes(from: "dji", to: "russian-front-lines") { reason elapsedMs routes { summary confidence } } }`);
  console.log(Date.now() - t, JSON.stringify(res).slice(0, 1500));
  const res2 = await server().gql(`{ routes(from: "dji", to: "russian-front-lines") { reason elapsedMs routes { summary confidence } } }`);
  console.log(JSON.stringify(res2).slice(0, 300));
});
