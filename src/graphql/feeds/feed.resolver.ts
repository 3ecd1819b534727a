import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { csvRecords } from '../../domain/feeds/feed-csv';
import { jsonRecords, linesOf } from '../../domain/feeds/feed-lines';
import { FeedFormat } from '../../domain/feeds/feed-records';
import type { Context } from '../context';
import { FeedImportSummaryType, ImportFeedInput } from './feed.types';

@Resolver()
export class FeedResolver {
  @Mutation(() => FeedImportSummaryType, {
    description:
      'Applies a PIM or WMS feed record by record, each as its own mutation would (the key needs that permission); bad records are listed by line, the rest applied; a replay changes nothing',
  })
  importFeed(@Arg('input', () => ImportFeedInput) input: ImportFeedInput, @Ctx() ctx: Context): Promise<FeedImportSummaryType> {
    const records = input.format === FeedFormat.CSV ? csvRecords(input.type, input.content) : jsonRecords(linesOf(input.content));
    return ctx.services.feeds.import(input.type, records, { system: input.system });
  }
}
