import neo4j from "neo4j-driver";
import { readFileSync } from "node:fs";
const pw = readFileSync("/work/wt/h18/.neo4j/password","utf8").trim();
const d = neo4j.driver("neo4j://127.0.0.1:7703", neo4j.auth.basic("neo4j", pw));
const q = process.argv[2];
try { const r = await d.executeQuery(q, JSON.parse(process.argv[3] ?? "{}")); console.log(JSON.stringify(r.records.map(x=>x.toObject()), (k,v)=> typeof v === "bigint" ? Number(v): v)); console.log(JSON.stringify(r.summary.counters.updates())); } catch (e) { console.log("ERR", e.code, e.message); }
await d.close();
