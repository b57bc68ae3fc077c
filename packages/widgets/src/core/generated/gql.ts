/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query StationMapArea($area: ID!) {\n  node(id: $area) {\n    ... on Area {\n      id\n      name\n      latitude\n      longitude\n      boundary {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery StationMapStations($filter: StationFilter, $first: Int, $after: String) {\n  stations(filter: $filter, first: $first, after: $after, orderBy: {field: NAME}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...StationMapStation\n    }\n  }\n}\n\nfragment StationMapStation on Station {\n  id\n  name\n  address\n  latitude\n  longitude\n  phone\n  timeZone\n  openNow\n  openingHours {\n    weekday\n    opens\n    closes\n  }\n  services(first: 50) {\n    nodes {\n      id\n      name\n      nameEn\n      category\n    }\n  }\n}": typeof types.StationMapAreaDocument,
};
const documents: Documents = {
    "query StationMapArea($area: ID!) {\n  node(id: $area) {\n    ... on Area {\n      id\n      name\n      latitude\n      longitude\n      boundary {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery StationMapStations($filter: StationFilter, $first: Int, $after: String) {\n  stations(filter: $filter, first: $first, after: $after, orderBy: {field: NAME}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...StationMapStation\n    }\n  }\n}\n\nfragment StationMapStation on Station {\n  id\n  name\n  address\n  latitude\n  longitude\n  phone\n  timeZone\n  openNow\n  openingHours {\n    weekday\n    opens\n    closes\n  }\n  services(first: 50) {\n    nodes {\n      id\n      name\n      nameEn\n      category\n    }\n  }\n}": types.StationMapAreaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StationMapArea($area: ID!) {\n  node(id: $area) {\n    ... on Area {\n      id\n      name\n      latitude\n      longitude\n      boundary {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery StationMapStations($filter: StationFilter, $first: Int, $after: String) {\n  stations(filter: $filter, first: $first, after: $after, orderBy: {field: NAME}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...StationMapStation\n    }\n  }\n}\n\nfragment StationMapStation on Station {\n  id\n  name\n  address\n  latitude\n  longitude\n  phone\n  timeZone\n  openNow\n  openingHours {\n    weekday\n    opens\n    closes\n  }\n  services(first: 50) {\n    nodes {\n      id\n      name\n      nameEn\n      category\n    }\n  }\n}"): typeof import('./graphql').StationMapAreaDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
