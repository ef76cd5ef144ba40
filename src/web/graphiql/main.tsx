import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import examples from "../../../examples.graphql?raw";
import { exampleTabs } from "./example-tabs";
import { sameOriginFetcher } from "./fetcher";
import { PageHeader } from "./header";
import "./page.css";

// Bundled with every dependency (CodeMirror, fonts as data: URLs): the page loads nothing from
// another host. Tabs persist in localStorage, so the examples seed a first visit only; the
// header's Examples menu reopens any of them later.
const root = document.getElementById("graphiql");
if (!root) throw new Error("GraphiQL mount point #graphiql is missing from index.html");
const tabs = exampleTabs(examples);
createRoot(root).render(
  <GraphiQL fetcher={sameOriginFetcher} defaultTabs={tabs.map(({ query }) => ({ query }))}>
    <GraphiQL.Logo>
      <PageHeader examples={tabs} />
    </GraphiQL.Logo>
  </GraphiQL>,
);
