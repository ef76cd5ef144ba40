/**
 * The route explorer page (`GET /explorer`): wires the route form, the ranked route list, the
 * graph, the evidence panel and the export buttons. Talks only to this server: `POST /graphql`
 * (search, routes, neighborhood) and `POST /export/graphml`.
 */
import type cytoscape from "cytoscape";
import { entityById, exposure, findRoutes, neighborhood, toApiError } from "./api";
import { claimSections } from "./claim-panel";
import { renderDetailsPlaceholder, renderEntity, renderRelationship } from "./details";
import { byId, count } from "./dom";
import { duplicatesSection } from "./duplicates-panel";
import { registerExportButtons } from "./export-buttons";
import { GraphView } from "./graph";
import { renderLegend } from "./legend";
import { Notice } from "./notice";
import { RouteForm, type FormReading } from "./route-form";
import { RouteList } from "./route-list";
import { Settings } from "./settings";
import { SourceEditor } from "./source-editor";
import { StaleView } from "./stale-view";
import { edgeKey, type Entity, type Relationship } from "./types";
import { VIEW_LIMITS } from "./view-cap";

declare global {
  interface Window {
    /** The explorer's Cytoscape.js instance, for the browser tests and the devtools console (read it; change the view through the page). */
    actorgraphExplorer?: { cy: cytoscape.Core };
  }
}

const notice = new Notice(byId("notice"));
const details = byId("details");
const stats = byId("graph-stats");
const legend = byId("legend");

const graph = new GraphView(byId("graph"), {
  onEdge(rel) {
    showClaim(rel);
    routes.markHop(edgeKey(rel));
  },
  onNode: (entity) => showEntity(entity),
  onExpand: (entity) => void expand(entity),
  onChange(view) {
    stats.textContent =
      view.nodes === 0 ? "Empty view" : `${count(view.nodes, "entity", "entities")} · ${count(view.edges, "relationship", "relationships")} in view`;
    renderLegend(legend, view.kinds);
  },
});
window.actorgraphExplorer = { cy: graph.cy };

const routes = new RouteList(byId("results"), {
  selectRoute: (route) => graph.highlightRoute(route),
  selectHop: (key) => graph.selectEdge(key),
});

/** Shows an entity in the panel, with its possible duplicates and (with a token) the forms to judge them. */
function showEntity(entity: Entity): void {
  renderEntity(
    details,
    entity,
    { routeFrom: (e) => form.from.set(e), routeTo: (e) => form.to.set(e), expand: (e) => void expand(e), exposure: (e) => void runExposure(e) },
    duplicatesSection(entity, (judged, summary) => void onJudged(judged, summary)),
  );
}

/** After a judgement: the last route search runs again (a POSITIVE pair is now one entity), then the panel shows the entity as it now is. */
async function onJudged(entity: Entity, summary: string): Promise<void> {
  if (lastReading) await runRoutes(lastReading);
  notice.show("info", summary);
  try {
    showEntity(await entityById(entity.id));
  } catch (err) {
    const e = toApiError(err);
    notice.show("error", `Could not reload ${entity.name}: ${e.message}`, e.code);
  }
}

/** Shows a claim in the evidence panel, with its history and (with a token) the retract form. */
function showClaim(rel: Relationship): void {
  renderRelationship(details, rel, (id) => graph.name(id), ...claimSections(rel, (retracted) => void onRetracted(retracted)));
}

/** After a retraction: the last route search runs again without the claim, then the panel shows it, retracted, with its history. */
async function onRetracted(rel: Relationship): Promise<void> {
  if (lastReading) await runRoutes(lastReading);
  showClaim(rel);
  notice.show("info", `Retracted ${rel.type} ${rel.id}; it leaves routes and neighbourhoods.`);
}

/** Clears the graph, the route list and the evidence panel. */
function clearView(): void {
  graph.clear();
  routes.idle();
  stale.unmark();
  renderDetailsPlaceholder(details);
}

const stale = new StaleView(byId("stale"), byId("graph"), clearView);
/** What the graph shows, for the stale banner: "the routes from A to B (FLOW, up to 6 hops)". */
let shown = "";

let search = 0;
/** The last route search that ran, for running it again after a write. */
let lastReading: FormReading | null = null;
const form = new RouteForm((reading: FormReading) => void runRoutes(reading));

/** After a search that failed or could not be sent: the graph, if any, is marked as the previous result, without its route highlight. */
function markPrevious(why: string): void {
  if (graph.size === 0) return;
  graph.highlightRoute(null);
  stale.mark(why, shown);
}

/** Runs a route search and shows it; an answer to an older search is dropped. */
async function runRoutes(reading: FormReading): Promise<void> {
  if ("problem" in reading) {
    routes.incomplete(reading.problem);
    return markPrevious("The form cannot search yet");
  }
  const mine = ++search;
  lastReading = reading;
  notice.hide();
  const { params, from, to } = reading;
  routes.loading(`Searching routes from ${from.name} to ${to.name}…`);
  form.setBusy(true);
  try {
    const answer = await findRoutes(params);
    if (mine !== search) return;
    routes.show(answer, params);
    stale.unmark();
    // With no route, the two entities still show, unconnected, ready to expand.
    graph.replace(answer.routes.length > 0 ? answer.subgraph : { nodes: [from, to], edges: [], truncated: false }, [from.id, to.id]);
    graph.highlightRoute(answer.routes[0] ?? null);
    const found = answer.routes.length === 0 ? "no route" : count(answer.routes.length, "route", "routes");
    shown = `the earlier search from ${from.name} to ${to.name} (${params.direction}, up to ${count(params.maxHops, "hop", "hops")}: ${found})`;
    renderDetailsPlaceholder(details);
  } catch (err) {
    if (mine !== search) return;
    routes.error(toApiError(err));
    markPrevious("This search failed");
  } finally {
    if (mine === search) form.setBusy(false);
  }
}

/** Hops the explorer's exposure search looks (the API's default). */
const EXPOSURE_HOPS = 4;

/**
 * Asks how close `entity` is to a sanctioned party (Query.exposure, FtM topic `sanction`) and
 * shows the routes like a route search's: ranked list, graph, the first highlighted. An answer to
 * an older search is dropped.
 */
async function runExposure(entity: Entity): Promise<void> {
  const mine = ++search;
  notice.hide();
  routes.loading(`Looking for sanctioned parties within ${EXPOSURE_HOPS} hops of ${entity.name}…`);
  form.setBusy(true);
  try {
    const answer = await exposure(entity.id);
    if (mine !== search) return;
    routes.show(answer, { maxHops: EXPOSURE_HOPS }, `No sanctioned party within ${EXPOSURE_HOPS} hops`);
    stale.unmark();
    graph.replace(answer.routes.length > 0 ? answer.subgraph : { nodes: [entity], edges: [], truncated: false }, [entity.id]);
    graph.highlightRoute(answer.routes[0] ?? null);
    const found = answer.routes.length === 0 ? "none found" : count(answer.routes.length, "route", "routes");
    shown = `the earlier search for sanctioned parties near ${entity.name} (${found})`;
    renderDetailsPlaceholder(details);
  } catch (err) {
    if (mine !== search) return;
    routes.error(toApiError(err));
    markPrevious("This search failed");
  } finally {
    if (mine === search) form.setBusy(false);
  }
}

/** The expansion running now, if any: one at a time, so two answers never race to lay out the graph. */
let expanding: Entity | null = null;
const graphBox = byId("graph");

/**
 * Adds an entity's neighbourhood to the view, without duplicating what is shown. While one runs,
 * the graph is marked busy (`aria-busy`, `data-expanding` with the entity's id, a progress
 * cursor) and further double-clicks are ignored, with the busy notice saying so. An answer that
 * arrives after a new search or Clear replaced the view is dropped.
 */
async function expand(entity: Entity): Promise<void> {
  if (expanding) {
    const running = expanding;
    notice.show(
      "busy",
      `Still loading the neighbourhood of ${running.name}; ${running.id === entity.id ? "double-clicked again, ignored" : `${entity.name} was not expanded: double-click it again when this is done`}.`,
    );
    return;
  }
  expanding = entity;
  graphBox.setAttribute("aria-busy", "true");
  graphBox.dataset.expanding = entity.id;
  const view = graph.viewGeneration;
  notice.show("busy", `Loading the neighbourhood of ${entity.name}…`);
  try {
    const around = await neighborhood(entity.id);
    if (view !== graph.viewGeneration) {
      notice.show("info", `The neighbourhood of ${entity.name} arrived after the view changed; it was not added.`);
      return;
    }
    const added = graph.merge(around);
    stale.unmark();
    const cut = around.truncated ? " The neighbourhood was cut at 60 entities, strongest links first." : "";
    const { left } = added;
    const full =
      left.nodes + left.edges === 0
        ? ""
        : ` ${count(left.nodes, "entity", "entities")} and ${count(left.edges, "relationship", "relationships")} were left out, weakest links first: the view holds at most ${VIEW_LIMITS.nodes} entities and ${VIEW_LIMITS.edges} relationships, to stay readable and responsive. Clear the view, or search narrower routes, to see them.`;
    notice.show(
      full ? "warning" : "info",
      added.nodes + added.edges === 0
        ? `${full ? "Nothing" : "Everything"} around ${entity.name} ${full ? "was added." : "is already in view."}${cut}${full}`
        : `Added ${count(added.nodes, "entity", "entities")} and ${count(added.edges, "relationship", "relationships")} around ${entity.name}.${cut}${full}`,
    );
  } catch (err) {
    const e = toApiError(err);
    notice.show("error", `Could not expand ${entity.name}: ${e.message}`, e.code);
  } finally {
    expanding = null;
    graphBox.removeAttribute("aria-busy");
    delete graphBox.dataset.expanding;
  }
}

registerExportButtons(graph, notice);
const editorButton = byId("source-editor-open");
new SourceEditor((claim) => {
  notice.show("info", `Added claim ${claim.id}; searching the routes again.`);
  if (lastReading) void runRoutes(lastReading);
});
const settings = new Settings((canWrite) => {
  editorButton.hidden = !canWrite;
});
void settings.refresh();
byId("fit").addEventListener("click", () => graph.fit());
byId("relayout").addEventListener("click", () => graph.layout(true));
byId("clear").addEventListener("click", clearView);

renderDetailsPlaceholder(details);
renderLegend(legend, []);
