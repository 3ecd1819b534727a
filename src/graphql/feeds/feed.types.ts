import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedFormat, FeedType } from '../../domain/feeds/feed-records';

registerEnumType(FeedType, {
  name: 'FeedType',
  description: 'PRODUCT (PIM, through upsertProduct), STOCK (WMS, through setInventoryLevels), SHIPMENT (WMS, through recordShipment)',
});
registerEnumType(FeedFormat, {
  name: 'FeedFormat',
  description: 'JSONL: one JSON object per line; CSV: a header row naming the fields, a shipment one row per line (docs/feeds.md)',
});

@InputType('ImportFeedInput')
export class ImportFeedInput {
  @Field(() => FeedType)
  type!: FeedType;

  @Field(() => FeedFormat)
  format!: FeedFormat;

  @Field({ description: 'The feed itself, within the request size limit; larger feeds go through `npm run feed`' })
  content!: string;

  @Field(() => String, { nullable: true, description: 'The external id system of records that name none' })
  system?: string | null;
}

@ObjectType('FeedRejection', { description: 'A record the feed could not apply; the others still were' })
export class FeedRejectionType {
  @Field(() => Int, { description: 'Its line in the content, from 1' })
  line!: number;

  @Field(() => String, { nullable: true, description: "The record's field at fault, when one is (lines[0].quantity)" })
  field!: string | null;

  @Field({ description: 'The error code the mutation for this record would have answered (BAD_USER_INPUT, NOT_FOUND, CONFLICT…)' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'The machine-readable reason, where the error has one (SHIPMENT_MISMATCH)' })
  reason!: string | null;
}

@ObjectType('FeedImportSummary')
export class FeedImportSummaryType {
  @Field(() => FeedType)
  type!: FeedType;

  @Field(() => Int, { description: 'Records that changed something' })
  applied!: number;

  @Field(() => Int, { description: 'Records that said what Tariff already held (a replay)' })
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [FeedRejectionType], { description: 'The first 1,000 rejections, in line order' })
  rejections!: FeedRejectionType[];
}
