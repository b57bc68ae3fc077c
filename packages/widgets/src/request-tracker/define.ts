import { GzRequestTracker } from './gz-request-tracker.js';

GzRequestTracker.define('gz-request-tracker');
