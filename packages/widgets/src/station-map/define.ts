import { GzStationMap } from './gz-station-map.js';

GzStationMap.define('gz-station-map');
