import type { ComplexityEstimator } from "graphql-query-complexity";
import { LIMITS } from "../model/limits.js";

/**
 * Cost of a list field for graphql-query-complexity: its children's cost times the number of
 * results it may return (`limit`, or the field's default when omitted).
 */
export const perResult = ({ args, childComplexity }: Parameters<ComplexityEstimator>[0]): number =>
  1 + childComplexity * Math.max(1, Number(args.limit ?? LIMITS.routeLimitDefault));

/**
 * Fixed cost of one route search (a bounded expansion plus an in-memory search), on top of its
 * results: with the default ceiling of 20000, one operation holds at most about 100 searches.
 */
export const ROUTE_SEARCH_COST = 200;
