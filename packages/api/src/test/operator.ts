import type { Em } from '../db/orm.js';
import { toGlobalId } from '../graphql/global-id.js';
import { Area } from '../modules/areas/area.entity.js';
import { Person, RoleAssignment } from '../modules/people/person.entity.js';

/** A person who administers every district: the tests' operator. */
export async function createOperator(em: Em, name: string): Promise<Person> {
  const operator = em.create(Person, { name } as never);
  for (const district of await em.find(Area, { kind: 'DISTRICT' }, { orderBy: { id: 'asc' } })) {
    em.create(RoleAssignment, { person: operator, role: 'ADMINISTRATOR', area: district, startsOn: '2024-01-01' } as never);
  }
  await em.flush();
  return operator;
}

/** A development token for a person, from the running server (development mode only). */
export async function developmentToken(graphqlUrl: string, personId: number, minutes = 720): Promise<string> {
  const issued = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($p: ID!, $m: Int!) { issueDevelopmentToken(input: { person: $p, minutes: $m }) { token } }',
      variables: { p: toGlobalId('Person', personId), m: minutes },
    }),
  });
  const { data } = (await issued.json()) as { data: { issueDevelopmentToken: { token: string } } };
  return data.issueDevelopmentToken.token;
}
