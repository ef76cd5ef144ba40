import neo4j from "neo4j-driver";
import { readFileSync } from "node:fs";
const pw = readFileSync("/work/wt/h18/.neo4j/password","utf8").trim();
const d = neo4j.driver("neo4j://127.0.0.1:7703", neo4j.auth.basic("neo4j", pw));
const r = await d.executeQuery(process.argv[2], JSON.parse(process.argv[3] ?? "{}"));
const walk = (p, i=0) => { console.log(" ".repeat(i)+p.operatorType, JSON.stringify(p.arguments.Details ?? "")); for (const c of p.children) walk(c, i+2); };
walk(r.summary.plan); await d.close();
