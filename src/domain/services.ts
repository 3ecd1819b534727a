import { ApiKeyService } from './auth/api-key.service';
import { PriceService } from './catalog/price.service';
import { ProductService } from './catalog/product.service';
import { ContractService } from './contracts/contract.service';
import { CustomerService } from './customers/customer.service';
import { QuotePreviewService } from './quotes/quote-preview.service';
import type { ServiceContext } from './shared/service-context';
import { SubscriptionChangeService } from './subscriptions/subscription-change.service';
import { SubscriptionLifecycleService } from './subscriptions/subscription-lifecycle.service';
import { SubscriptionScheduleService } from './subscriptions/subscription-schedule.service';
import { SubscriptionService } from './subscriptions/subscription.service';

/** The services of one request, all sharing its EntityManager, actor and clock. */
export function createServices(ctx: ServiceContext) {
  return {
    apiKeys: new ApiKeyService(ctx),
    products: new ProductService(ctx),
    prices: new PriceService(ctx),
    quotePreviews: new QuotePreviewService(ctx),
    subscriptions: new SubscriptionService(ctx),
    subscriptionChanges: new SubscriptionChangeService(ctx),
    subscriptionLifecycle: new SubscriptionLifecycleService(ctx),
    subscriptionSchedules: new SubscriptionScheduleService(ctx),
    customers: new CustomerService(ctx),
    contracts: new ContractService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
