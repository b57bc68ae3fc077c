import type { EntityManager } from '@mikro-orm/sql';
import {
  type PartyServiceFigures,
  type PerArea,
  type PerCell,
  type PropertyFigures,
  partyServiceFigures,
  propertyFigures,
  type RequestFigures,
  requestFigures,
  type StationFigures,
  type StationReach,
  type StatisticsScope,
  stationFigures,
  stationReach,
  type VoteFigures,
  voteFigures,
  type WishFigures,
  wishFigures,
} from './statistics.service.js';

/**
 * The sections of one report, each counted for all its rows by one statement the first time a
 * row asks for it: a query that leaves a section out never runs its SQL, and one that asks for
 * it on 10,000 rows runs it once.
 */
export class StatisticsBatch {
  readonly #counted = new Map<string, Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    readonly scope: StatisticsScope,
  ) {}

  #once<T>(section: string, count: (em: EntityManager, scope: StatisticsScope) => Promise<T>): Promise<T> {
    let figures = this.#counted.get(section) as Promise<T> | undefined;
    if (!figures) {
      figures = count(this.em, this.scope);
      this.#counted.set(section, figures);
    }
    return figures;
  }

  wishes(): Promise<PerCell<WishFigures>> {
    return this.#once('wishes', wishFigures);
  }
  requests(): Promise<PerCell<RequestFigures>> {
    return this.#once('requests', requestFigures);
  }
  votes(): Promise<PerCell<VoteFigures>> {
    return this.#once('votes', voteFigures);
  }
  stations(): Promise<PerCell<StationFigures>> {
    return this.#once('stations', stationFigures);
  }
  stationReach(): Promise<PerArea<StationReach>> {
    return this.#once('stationReach', stationReach);
  }
  partyService(): Promise<PerCell<PartyServiceFigures>> {
    return this.#once('partyService', partyServiceFigures);
  }
  property(): Promise<PerArea<PropertyFigures>> {
    return this.#once('property', propertyFigures);
  }
}
