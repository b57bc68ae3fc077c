import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key.entity.js';

export const ApiKeyScopeEnum = enumFrom(
  API_KEY_SCOPES.map((s) => s.replace(':', '_').toUpperCase()) as unknown as readonly string[],
  'ApiKeyScope',
  'What a machine client may do.',
);

/** GraphQL enum values cannot hold a colon: `read:public` is `READ_PUBLIC` in the API. */
export const scopeToApi = (scope: ApiKeyScope): string => scope.replace(':', '_').toUpperCase();
export const scopeFromApi = (value: string): ApiKeyScope => value.toLowerCase().replace('_', ':') as ApiKeyScope;

@ObjectType('ApiKey', { description: 'A machine client’s key, bound to one organisation. The key itself is shown once, when created.' })
export class ApiKeyType {
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: 'The key’s public part: it starts `gzk_<prefix>_`.' })
  prefix!: string;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'To the minute.' })
  lastUsedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: Date | null;
}
export const ApiKeyConnection = Connection(ApiKeyType, 'ApiKey');

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  organization!: string;
  @Field(() => String, { description: 'What the key is for, e.g. "红心物业 nightly sync".' })
  name!: string;
  @Field(() => [ApiKeyScopeEnum])
  scopes!: string[];
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey!: ApiKeyType | null;
  @Field(() => String, { nullable: true, description: 'The key: send it as `Authorization: Bearer <key>`. Shown this once only.' })
  secret!: string | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey!: ApiKeyType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}
