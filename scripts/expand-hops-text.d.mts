/** Types of scripts/expand-hops-text.mjs, for the unit test that checks the generated files. */
interface RouteTypeLists {
  readonly flow: readonly string[];
  readonly route: readonly string[];
  readonly context: readonly string[];
}
export function expandHopsQueries(v: RouteTypeLists): { directed: string; any: string };
export function expandBallsQueries(v: RouteTypeLists): { flow: string; route: string };
export function expandPathsQuery(v: RouteTypeLists): string;
export function expandExposureQuery(v: RouteTypeLists): string;
export function findShortestQuery(v: RouteTypeLists): string;
