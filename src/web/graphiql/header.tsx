// @graphiql/react is GraphiQL 4's own UI and state library (a dependency of graphiql, locked
// with it in package-lock.json): its editor context switches and opens tabs.
import { DropdownMenu, useEditorContext } from "@graphiql/react";
import { useEffect, useRef } from "react";
import type { ExampleTab } from "./example-tabs";

/**
 * The right end of GraphiQL's tab bar (its `GraphiQL.Logo` slot): an "Examples" menu that
 * opens any example of examples.graphql in its tab (re-created when it was closed), a link to
 * the route explorer, and the product name. It also makes the editors readable on a laptop
 * screen: long lines (the examples' comments, evidence quotes in answers) wrap instead of
 * running off the pane, every tab title has a tooltip with its full name, and the active
 * tab is scrolled into view.
 */
export function PageHeader({ examples }: { examples: readonly ExampleTab[] }) {
  const editor = useEditorContext({ nonNull: true });
  const pending = useRef<ExampleTab | null>(null);
  const { queryEditor, responseEditor, variableEditor, activeTabIndex, tabs } = editor;

  useEffect(() => {
    for (const cm of [queryEditor, responseEditor, variableEditor]) cm?.setOption("lineWrapping", true);
  }, [queryEditor, responseEditor, variableEditor]);

  useEffect(() => {
    // addTab() opened an empty tab for an example that had been closed: fill it.
    const example = pending.current;
    if (example && queryEditor) {
      pending.current = null;
      queryEditor.setValue(example.query);
    }
    for (const button of document.querySelectorAll<HTMLElement>(".graphiql-tab-button")) button.title = button.textContent ?? "";
    document.querySelector(".graphiql-tab-active")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [activeTabIndex, tabs, queryEditor]);

  const open = (example: ExampleTab) => {
    const index = tabs.findIndex((tab) => tab.title === example.name);
    if (index >= 0) {
      editor.changeTab(index);
    } else {
      pending.current = example;
      editor.addTab();
    }
  };

  return (
    <div className="ag-header">
      <DropdownMenu>
        <DropdownMenu.Button className="ag-examples-button" aria-label="Examples: open an example query in its tab">
          Examples ▾
        </DropdownMenu.Button>
        <DropdownMenu.Content className="ag-examples" align="end" aria-label="Example queries">
          {examples.map((example) => (
            <DropdownMenu.Item key={example.name} className="ag-example" data-example={example.name} onSelect={() => open(example)}>
              <span className="ag-example-name">{example.name}</span>
              {example.summary && <span className="ag-example-summary">{example.summary}</span>}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
      <a className="ag-link" href="/explorer" title="Find and compare routes on a graph, with the evidence of every hop">
        Route explorer
      </a>
      <span className="ag-brand">actorgraph</span>
    </div>
  );
}
