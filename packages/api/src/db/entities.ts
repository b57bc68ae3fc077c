import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { Area } from '../modules/areas/area.entity.js';
import { AuditRecord } from '../modules/audit/audit.entity.js';
import { IdempotencyRecord } from '../modules/idempotency/idempotency.entity.js';
import { Notice } from '../modules/notices/notice.entity.js';
import { AllianceMembership, Organization, Responsibility } from '../modules/organizations/organization.entity.js';
import { Person, RoleAssignment } from '../modules/people/person.entity.js';
import { PropertyExternalRef, PropertyFee, PropertyTicket } from '../modules/property/property.entity.js';
import { Request, RequestCategory, RequestEvent } from '../modules/requests/request.entity.js';
import { Service, Station, StationGrid, StationService, StationStaff } from '../modules/stations/station.entity.js';
import { CastBallotsRoutine } from '../modules/votes/cast-ballot.routine.js';
import { Ballot, BallotTally, Proposal, VoterRollEntry } from '../modules/votes/proposal.entity.js';
import { Webhook } from '../modules/webhooks/webhook.entity.js';
import { Wish } from '../modules/wishes/wish.entity.js';
import { TableVersion } from './catalogue.js';

export const entities = [
  Area,
  Organization,
  Responsibility,
  AllianceMembership,
  Person,
  RoleAssignment,
  Service,
  Station,
  StationService,
  StationGrid,
  StationStaff,
  AuditRecord,
  ApiKey,
  Wish,
  Proposal,
  VoterRollEntry,
  Ballot,
  BallotTally,
  Notice,
  RequestCategory,
  Request,
  RequestEvent,
  IdempotencyRecord,
  PropertyExternalRef,
  PropertyFee,
  PropertyTicket,
  Webhook,
  TableVersion,
];

/** Stored functions the schema holds (and migrations create). */
export const routines = [CastBallotsRoutine];
