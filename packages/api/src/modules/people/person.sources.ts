import type { NestedSource } from '../../graphql/nested-connection.js';
import { orderingBy } from '../../graphql/paginate.js';
import { RoleAssignment } from './person.entity.js';

const byId = orderingBy('id', 'id', 'number', 'asc');

export const roleSources = {
  ofPerson: { name: 'Person.roles', entity: RoleAssignment, from: 'role_assignment t', parentKey: 't.person_id', ordering: byId },
  inArea: { name: 'Area.roles', entity: RoleAssignment, from: 'role_assignment t', parentKey: 't.area_id', ordering: byId },
} satisfies Record<string, NestedSource<RoleAssignment>>;
