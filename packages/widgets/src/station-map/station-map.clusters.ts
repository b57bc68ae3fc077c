import Supercluster from 'supercluster';
import type { LatLng } from '../core/geo.js';
import type { Bounds, MapStation } from './station-map.data.js';

export type ClusterItem =
  | { kind: 'cluster'; id: number; count: number; position: LatLng }
  | { kind: 'station'; station: MapStation; position: LatLng };

interface StationProperties {
  index: number;
}

/**
 * The stations' marker clusters (supercluster: a k-d tree per zoom level, built once per data
 * set, then each view is one range query). Positions are in the map's datum.
 */
export class StationClusters {
  private index = new Supercluster<StationProperties, Record<string, never>>({ radius: 80, maxZoom: 16, minPoints: 3 });
  private stations: readonly MapStation[] = [];
  private positions: LatLng[] = [];

  load(stations: readonly MapStation[], toMap: (point: LatLng) => LatLng): void {
    this.stations = stations;
    this.positions = stations.map(toMap);
    this.index.load(
      this.positions.map((position, index) => ({
        type: 'Feature',
        properties: { index },
        geometry: { type: 'Point', coordinates: [position.longitude, position.latitude] },
      })),
    );
  }

  /** Clusters and lone stations inside `bounds` (map datum) at a whole `zoom`. */
  itemsIn(bounds: Bounds, zoom: number): ClusterItem[] {
    if (this.stations.length === 0) return [];
    return this.index.getClusters([bounds.west, bounds.south, bounds.east, bounds.north], Math.round(zoom)).map((feature) => {
      const [longitude, latitude] = feature.geometry.coordinates;
      const properties = feature.properties;
      if ('cluster' in properties && properties.cluster) {
        return { kind: 'cluster', id: properties.cluster_id, count: properties.point_count, position: { latitude, longitude } };
      }
      const { index } = properties as StationProperties;
      return { kind: 'station', station: this.stations[index], position: this.positions[index] };
    });
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
