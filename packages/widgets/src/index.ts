export type { TokenProvider } from './core/graphql-client.js';
export { GraphQLClient, RequestError, type RequestErrorCode } from './core/graphql-client.js';
export { GzElement } from './core/gz-element.js';
export { en, type Translation, translationFor, zhCN } from './core/i18n.js';
export { GzRequestForm, type RequestFormStatus } from './request-form/gz-request-form.js';
export type { FormCategory, HomeGrid, RequestFormValues } from './request-form/request-form.data.js';
export { type RequestFormTranslation, requestFormEn, requestFormZhCN } from './request-form/request-form.i18n.js';
export { GzRequestTracker, type RequestTrackerStatus } from './request-tracker/gz-request-tracker.js';
export type { RequestLevel, RequestState, TrackedRequest } from './request-tracker/request-tracker.data.js';
export { type RequestTrackerTranslation, requestTrackerEn, requestTrackerZhCN } from './request-tracker/request-tracker.i18n.js';
export { GzStationMap, type StationMapStatus } from './station-map/gz-station-map.js';
export type { MapArea, MapService, MapStation } from './station-map/station-map.data.js';
export { GzVotingPanel, type VotingPanelStatus } from './voting-panel/gz-voting-panel.js';
export type {
  BallotChoice,
  Bar,
  MatterType,
  OwnBallot,
  PanelProposal,
  PanelTally,
  ProposalStage,
} from './voting-panel/voting-panel.data.js';
export { type VotingTranslation, votingEn, votingZhCN } from './voting-panel/voting-panel.i18n.js';
export { GzWishBoard, type WishBoardStatus } from './wish-board/gz-wish-board.js';
export type { BoardWish, WishCategory, WishState } from './wish-board/wish-board.data.js';
export { type WishTranslation, wishEn, wishZhCN } from './wish-board/wish-board.i18n.js';
