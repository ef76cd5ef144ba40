import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { noDelayForPort } from "../../src/db/no-delay.js";
import { boltPort } from "../../src/db/driver.js";
import { RELATIONSHIP_TYPE_NAMES } from "../../src/model/vocabulary.js";

/**
 * The throughput peers of bench/routes, each run as its own process (so the load generator and
 * ours never share its event loop):
 *
 *   node dist/bench/routes/peer-server.js naive         # a minimal Apollo server, one resolver, the naive Cypher
 *   node dist/bench/routes/peer-server.js neo4j-graphql # @neo4j/graphql 7 serving the graph through its generated schema
 *
 * Reads NEO4J_URI, NEO4J_PASSWORD and PORT; prints `ready <url>` once it listens. The driver gets
 * the same TCP_NODELAY fix as ours (src/db/no-delay.ts), so the comparison is of the servers.
 */
const kind = process.argv[2];
const uri = process.env.NEO4J_URI ?? "neo4j://127.0.0.1:7690";
noDelayForPort(boltPort(uri));
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""), {
  logging: { level: "error", logger: () => undefined },
});

/** The newcomer's route query: every path up to six hops over the flow types, sorted by the product of confidences. */
const NAIVE_ROUTES =
  "MATCH p = (a:Entity {id: $from})-[:SUPPLIED|PAID|DEPLOYED_TO|FINANCED*1..6]->(b:Entity {id: $to}) " +
  "WITH p, reduce(c = 1.0, r IN relationships(p) | c * r.confidence) AS confidence ORDER BY confidence DESC, length(p) ASC LIMIT $limit " +
  "RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, [r IN relationships(p) | r {.id, .status, .confidence, .evidenceQuotes, type: type(r)}] AS rels, confidence";

const NAIVE_TYPE_DEFS = `
  type Entity { id: ID!, name: String }
  type Relationship { id: ID!, type: String!, status: String, confidence: Float, evidenceQuotes: [String!] }
  type Hop { from: Entity!, to: Entity!, relationship: Relationship! }
  type Route { confidence: Float!, hops: [Hop!]! }
  type Query { routes(from: ID!, to: ID!, limit: Int = 10): [Route!]! }
`;

interface NaiveRow {
  nodes: { id: string; name: string }[];
  rels: Record<string, unknown>[];
  confidence: number;
}

function naiveServer(): ApolloServer {
  const resolvers = {
    Query: {
      async routes(_: unknown, args: { from: string; to: string; limit: number }) {
        const res = await driver.executeQuery(NAIVE_ROUTES, { from: args.from, to: args.to, limit: neo4j.int(args.limit) }, { routing: "READ" });
        return res.records.map((rec) => {
          const row = rec.toObject() as unknown as NaiveRow;
          return { confidence: row.confidence, hops: row.rels.map((rel, i) => ({ from: row.nodes[i], to: row.nodes[i + 1], relationship: rel })) };
        });
      },
    },
  };
  return new ApolloServer({ typeDefs: NAIVE_TYPE_DEFS, resolvers });
}

/**
 * The schema a @neo4j/graphql user writes for our model: one Entity node type with a field per
 * allow-listed relationship type and direction, each with the claim's properties.
 */
export function neo4jGraphqlTypeDefs(): string {
  const fields = RELATIONSHIP_TYPE_NAMES.flatMap((t) => [
    `  ${t}_out: [Entity!]! @relationship(type: "${t}", direction: OUT, properties: "Claim")`,
    `  ${t}_in: [Entity!]! @relationship(type: "${t}", direction: IN, properties: "Claim")`,
  ]);
  return `type Entity @node {
  id: ID!
  name: String
  kind: String
${fields.join("\n")}
}
type Claim @relationshipProperties {
  id: ID!
  status: String
  confidence: Float
  evidenceQuotes: [String!]
}
`;
}

async function neo4jGraphqlServer(): Promise<ApolloServer> {
  const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver }).getSchema();
  return new ApolloServer({ schema });
}

async function main(): Promise<void> {
  const server = kind === "naive" ? naiveServer() : kind === "neo4j-graphql" ? await neo4jGraphqlServer() : null;
  if (!server) throw new Error(`unknown peer ${kind}; use naive or neo4j-graphql`);
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: "127.0.0.1" } });
  process.stdout.write(`ready ${url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`peer failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
