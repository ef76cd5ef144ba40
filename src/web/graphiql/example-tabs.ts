import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";

/** One GraphiQL tab: an operation's text, as GraphiQL's `defaultTabs` takes it. */
export interface ExampleTab {
  /** Operation name, which GraphiQL also shows as the tab's title. */
  readonly name: string;
  /** The comment lines right above the operation, the operation, then every fragment it uses. */
  readonly query: string;
  /** The first sentence of that comment ("How do DJI's drones reach the Russian front?"), or "" without one: the Examples menu shows it. */
  readonly summary: string;
}

/**
 * Splits a GraphQL document of named operations (examples.graphql) into one tab per operation,
 * in file order. Each tab keeps the comment block directly above its operation and appends the
 * fragment definitions the operation spreads (transitively), so every tab runs on its own.
 * @throws GraphQLError when the document does not parse; Error when an operation has no name.
 */
export function exampleTabs(source: string): ExampleTab[] {
  const definitions = parse(source).definitions;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const tabs: ExampleTab[] = [];
  definitions.forEach((definition, i) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return;
    if (!definition.name) throw new Error("Every example operation needs a name; GraphiQL titles its tab with it.");
    const used = [...fragmentsUsedBy(definition, fragments)].map((name) => text(source, fragments.get(name)!));
    const comment = leadingComment(source, definitions[i - 1], definition);
    const body = [comment + text(source, definition), ...used].join("\n\n");
    tabs.push({ name: definition.name.value, query: `${body}\n`, summary: firstSentence(comment) });
  });
  return tabs;
}

function text(source: string, node: DefinitionNode): string {
  return source.slice(node.loc!.start, node.loc!.end);
}

/** The consecutive `#` lines just above `node` (a blank line ends the block), with a trailing newline. */
function leadingComment(source: string, previous: DefinitionNode | undefined, node: DefinitionNode): string {
  const gap = source
    .slice(previous?.loc?.end ?? 0, node.loc!.start)
    .split("\n")
    .map((l) => l.trim());
  const block: string[] = [];
  for (let i = gap.length - 1; i >= 0; i--) {
    const line = gap[i]!;
    if (line.startsWith("#")) block.unshift(line);
    else if (line !== "" || block.length > 0) break;
  }
  return block.length > 0 ? `${block.join("\n")}\n` : "";
}

/** The first sentence of a `#` comment block, its lines joined: up to the first `.`, `?` or `!` that ends a word. */
function firstSentence(comment: string): string {
  const prose = comment
    .split("\n")
    .map((l) => l.replace(/^#\s?/, "").trim())
    .filter(Boolean)
    .join(" ");
  return /^.*?[.?!](?=\s|$)/.exec(prose)?.[0] ?? prose;
}

/** Names of the fragments `operation` spreads, directly or through other fragments, in first-use order. */
function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Set<string> {
  const used = new Set<string>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(spread.name.value)) {
          used.add(spread.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return used;
}
