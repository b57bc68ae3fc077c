import { GzVotingPanel } from './gz-voting-panel.js';

GzVotingPanel.define('gz-voting-panel');
