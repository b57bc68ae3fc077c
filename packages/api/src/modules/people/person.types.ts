import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { OrderInput, type OrderValue } from '../../graphql/ordering.js';
import { GENDERS, type Gender, ROLE_KINDS, type RoleKind } from './person.entity.js';

export const RoleKindEnum = enumFrom(ROLE_KINDS, 'RoleKind', 'A role a person holds in one area.', {
  RESIDENT: '居民',
  OWNER: '业主',
  PARTY_MEMBER: '党员',
  IN_SERVICE_PARTY_MEMBER: '在职党员 registered with their home community (双报到)',
  FIRST_SECRETARY: '第一书记',
  COMMUNITY_COMMITTEE_MEMBER: '社区“两委”成员',
  SOCIAL_WORKER: '社工',
  GRID_WORKER: '网格员',
  GRID_HEAD: '网格长',
  GRID_POLICE_OFFICER: '网格民警',
  BUILDING_HEAD: '楼长',
  STATION_HEAD: '站长',
  VOLUNTEER: '志愿者',
  MEDIATOR: '调解员',
  ADMINISTRATOR: 'An administrator of the area (a street’s or a district’s 管理员)',
  AUDITOR: 'An auditor: reads the audit trail of the area (审计)',
  PROPERTY_STAFF: 'Staff of the property company managing the compound (物业人员), as the company keeps them in step',
});
export const GenderEnum = enumFrom(GENDERS, 'Gender', 'Gender as recorded.');

@ObjectType('Person', {
  implements: Node,
  description:
    'A person known to the platform. Name, phone and ID number are personal data: masked (王*华, 138****1234) unless they are your own or you may read personal data where this person holds a role.',
})
export class PersonType extends Node {
  @Field(() => GenderEnum, { nullable: true })
  gender!: Gender | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
export const PersonConnection = Connection(PersonType, 'Person');

@ObjectType('RoleAssignment', { implements: Node, description: 'A role held by a person in one area, for a period.' })
export class RoleAssignmentType extends Node {
  @Field(() => RoleKindEnum)
  role!: RoleKind;
  @Field(() => LocalDateResolver)
  startsOn!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the role goes on.' })
  endsOn!: string | null;
}
export const RoleAssignmentConnection = Connection(RoleAssignmentType, 'RoleAssignment');

@InputType({ description: 'Narrows a list of people; all given conditions must hold.' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: 'Only people holding a role in this area or below it.' })
  within?: string | null;
  @Field(() => [RoleKindEnum], { nullable: true, description: 'Only people holding one of these roles (in `within`, if given).' })
  role?: RoleKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'With `role`/`within`: only roles in force today (default true).' })
  current?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Name contains this text: needs read:personal, and matches only people holding a role where you have it.',
  })
  nameContains?: string | null;
}

export const PersonOrder = OrderInput('Person', 'people');
export type PersonOrder = OrderValue;
