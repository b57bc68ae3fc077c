/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A latitude/longitude box, WGS-84 degrees; `west` > `east` crosses the antimeridian. */
export type BoundingBoxInput = {
  east: number;
  north: number;
  south: number;
  west: number;
};

/** Narrows a list of stations; all given conditions must hold. */
export type StationFilter = {
  /** Only stations inside this box (the part of a map on screen). */
  boundingBox?: BoundingBoxInput | null | undefined;
  /** Only stations covering this grid. */
  coversGrid?: string | number | null | undefined;
  /** Name contains this text (case-insensitive). */
  nameContains?: string | null | undefined;
  /** true: only stations open now, by their own hours and time zone; false: only those closed now. */
  openNow?: boolean | null | undefined;
  /** Only stations offering this service. */
  service?: string | number | null | undefined;
  /** Only stations sitting in this area or below it. */
  within?: string | number | null | undefined;
};

export type StationMapAreaQueryVariables = Exact<{
  area: string | number;
}>;


export type StationMapAreaQuery = { node:
    | { id: string, name: string, latitude: number | null, longitude: number | null, boundary: Array<{ latitude: number, longitude: number }> | null }
    | Record<PropertyKey, never>
   | null };

export type StationMapStationsQueryVariables = Exact<{
  filter?: StationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StationMapStationsQuery = { stations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, address: string, latitude: number, longitude: number, phone: string | null, timeZone: string, openNow: boolean, openingHours: Array<{ weekday: number, opens: string, closes: string }>, services: { nodes: Array<{ id: string, name: string, nameEn: string, category: string }> } }> } };

export type StationMapStationFragment = { id: string, name: string, address: string, latitude: number, longitude: number, phone: string | null, timeZone: string, openNow: boolean, openingHours: Array<{ weekday: number, opens: string, closes: string }>, services: { nodes: Array<{ id: string, name: string, nameEn: string, category: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StationMapStationFragmentDoc = new TypedDocumentString(`
    fragment StationMapStation on Station {
  id
  name
  address
  latitude
  longitude
  phone
  timeZone
  openNow
  openingHours {
    weekday
    opens
    closes
  }
  services(first: 50) {
    nodes {
      id
      name
      nameEn
      category
    }
  }
}
    `, {"fragmentName":"StationMapStation"}) as unknown as TypedDocumentString<StationMapStationFragment, unknown>;
export const StationMapAreaDocument = new TypedDocumentString(`
    query StationMapArea($area: ID!) {
  node(id: $area) {
    ... on Area {
      id
      name
      latitude
      longitude
      boundary {
        latitude
        longitude
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StationMapAreaQuery, StationMapAreaQueryVariables>;
export const StationMapStationsDocument = new TypedDocumentString(`
    query StationMapStations($filter: StationFilter, $first: Int, $after: String) {
  stations(filter: $filter, first: $first, after: $after, orderBy: {field: NAME}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...StationMapStation
    }
  }
}
    fragment StationMapStation on Station {
  id
  name
  address
  latitude
  longitude
  phone
  timeZone
  openNow
  openingHours {
    weekday
    opens
    closes
  }
  services(first: 50) {
    nodes {
      id
      name
      nameEn
      category
    }
  }
}`) as unknown as TypedDocumentString<StationMapStationsQuery, StationMapStationsQueryVariables>;