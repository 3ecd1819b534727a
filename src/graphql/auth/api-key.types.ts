import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../domain/auth/actor';
import { CustomerType } from '../customers/customer.types';
import { Connection } from '../shared/connection';

registerEnumType(Role, { name: 'Role' });

@ObjectType('ApiKey')
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'The first characters of the secret, to tell keys apart' })
  prefix!: string;

  @Field(() => CustomerType, { nullable: true })
  customer?: CustomerType | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set for portal session keys, which stop working then' })
  expiresAt!: Date | null;
}

export const ApiKeyConnection = Connection('ApiKey', ApiKeyType);

@ArgsType()
export class ApiKeysArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@ObjectType('ApiKeyWithSecret')
export class ApiKeyWithSecretType {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field({ description: 'Shown once: only its hash is stored' })
  secret!: string;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field()
  name!: string;
}

@ObjectType('Viewer', { description: 'The API key making the request' })
export class ViewerType {
  @Field(() => ID)
  keyId!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;
}
