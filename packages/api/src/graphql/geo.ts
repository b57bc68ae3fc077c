import { Field, Float, InputType, ObjectType } from 'type-graphql';

@ObjectType('GeoPoint', { description: 'A point on the earth, WGS-84 degrees.' })
export class GeoPointType {
  @Field(() => Float)
  latitude!: number;
  @Field(() => Float)
  longitude!: number;
}

@InputType('GeoPointInput', { description: 'A point on the earth, WGS-84 degrees.' })
export class GeoPointInput {
  @Field(() => Float)
  latitude!: number;
  @Field(() => Float)
  longitude!: number;
}
