import { ApiError, exportElements, toApiError } from "./api";
import { byId, count, download } from "./dom";
import type { GraphView } from "./graph";
import type { Notice } from "./notice";

/**
 * Wires the toolbar's export buttons. PNG: the whole view drawn by Cytoscape.js
 * (`actorgraph-view.png`, at most `PNG_MAX_SIDE` pixels a side; an empty picture is reported as
 * an error, never saved). GraphML: exactly the entities and relationships in view, written by
 * the server's GraphML writer with confidence, status, dates and evidence on every edge
 * (`POST /export/graphml` with scope `elements`; `actorgraph-view.graphml`). Each button is
 * disabled while it works; results and errors (the API's code and message) go to `notice`.
 */
export function registerExportButtons(graph: GraphView, notice: Notice): void {
  const run = async (button: HTMLButtonElement, what: string, work: () => Promise<string>): Promise<void> => {
    if (graph.elementIds().nodes.length === 0) {
      return notice.show("error", "Nothing to export: the view is empty. Find routes or expand an entity first.", "EMPTY_VIEW");
    }
    button.disabled = true;
    notice.show("busy", `Exporting ${what}…`);
    try {
      notice.show("info", await work());
    } catch (err) {
      const e = toApiError(err);
      notice.show("error", `The ${what} export failed: ${e.message}`, e.code);
    } finally {
      button.disabled = false;
    }
  };
  const png = byId<HTMLButtonElement>("export-png");
  png.addEventListener(
    "click",
    () =>
      void run(png, "PNG", async () => {
        let png: Blob;
        try {
          png = await graph.png();
        } catch (err) {
          throw new ApiError("PNG_FAILED", `${(err as Error).message}, so nothing was saved. Clear part of the view and try again, or export GraphML.`);
        }
        download(png, "actorgraph-view.png");
        return `Saved actorgraph-view.png (${Math.max(1, Math.round(png.size / 1024))} KB).`;
      }),
  );
  const graphml = byId<HTMLButtonElement>("export-graphml");
  graphml.addEventListener(
    "click",
    () =>
      void run(graphml, "GraphML", async () => {
        const ids = graph.elementIds();
        download(await exportElements("graphml", ids.nodes, ids.relationships), "actorgraph-view.graphml");
        return `Saved actorgraph-view.graphml: ${count(ids.nodes.length, "entity", "entities")} and ${count(ids.relationships.length, "relationship", "relationships")}, evidence on every edge.`;
      }),
  );
}
