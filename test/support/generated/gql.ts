/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment CouponFields on Coupon { id code name percentOff amountOff currency duration durationInMonths appliesToPriceCodes maxRedemptions timesRedeemed redeemBy }": typeof types.CouponFieldsFragmentDoc,
    "fragment CouponDiscountFields on Discount { id startsAt endsAt endedAt consumedAt promotionCode coupon { code } customer { id } subscription { id } }": typeof types.CouponDiscountFieldsFragmentDoc,
    "mutation CouponsCreateCoupon($input: CreateCouponInput!) { createCoupon(input: $input) { ...CouponFields } }": typeof types.CouponsCreateCouponDocument,
    "mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) { createPromotionCode(input: $input) { id code maxRedemptions timesRedeemed expiresAt coupon { code } customer { id } } }": typeof types.CouponsCreatePromotionCodeDocument,
    "mutation CouponsApplyCoupon($input: ApplyCouponInput!) { applyCoupon(input: $input) { ...CouponDiscountFields } }": typeof types.CouponsApplyCouponDocument,
    "mutation CouponsCreateApiKey { createApiKey(input: { role: SALES, name: \"sales\" }) { secret } }": typeof types.CouponsCreateApiKeyDocument,
    "mutation CouponsCreateApiKey2($c: ID!) { createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) { secret } }": typeof types.CouponsCreateApiKey2Document,
    "query CouponsCoupon { coupon(code: \"SPRING20\") { code } }": typeof types.CouponsCouponDocument,
    "mutation CouponsApplyCoupon2($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) { id } }": typeof types.CouponsApplyCoupon2Document,
    "mutation CouponsCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }": typeof types.CouponsCreateContractDocument,
    "query CouponsSubscription($id: ID!) { subscription(id: $id) { discount { ...CouponDiscountFields } } }": typeof types.CouponsSubscriptionDocument,
    "query CouponsSubscription2($id: ID!) { subscription(id: $id) { discount { consumedAt } } }": typeof types.CouponsSubscription2Document,
    "query CouponsSubscription3($id: ID!) { subscription(id: $id) { discount { endsAt } } }": typeof types.CouponsSubscription3Document,
    "query CouponsCustomer($id: ID!) { customer(id: $id) { discount { id } } }": typeof types.CouponsCustomerDocument,
    "mutation CouponsApplyCoupon3($input: ApplyCouponInput!) { applyCoupon(input: $input) { id } }": typeof types.CouponsApplyCoupon3Document,
    "mutation CouponsChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) { id } }": typeof types.CouponsChangeSubscriptionDocument,
    "mutation CouponsChangeSubscription2($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) { id } }": typeof types.CouponsChangeSubscription2Document,
    "query CouponsSubscription4($id: ID!) { subscription(id: $id) { discount { id } } }": typeof types.CouponsSubscription4Document,
    "mutation CouponsRemoveDiscount($id: ID!) { removeDiscount(id: $id) { endedAt } }": typeof types.CouponsRemoveDiscountDocument,
    "mutation CouponsRemoveDiscount2($id: ID!) { removeDiscount(id: $id) { id } }": typeof types.CouponsRemoveDiscount2Document,
    "query CouponsPreviewQuote($input: PreviewQuoteInput!) { previewQuote(input: $input) { subtotal tax total lines { kind priceCode amount tax couponCode steps } } }": typeof types.CouponsPreviewQuoteDocument,
    "mutation CouponsAcceptQuote($id: ID!) { acceptQuote(id: $id) { id discount { coupon { code } startsAt } } }": typeof types.CouponsAcceptQuoteDocument,
    "mutation CouponsApplyCoupon4($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) { id } }": typeof types.CouponsApplyCoupon4Document,
    "mutation CouponsApplyCoupon5($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) { id } }": typeof types.CouponsApplyCoupon5Document,
    "mutation CouponsRemoveDiscount3($id: ID!) { removeDiscount(id: $id) { id } }": typeof types.CouponsRemoveDiscount3Document,
    "mutation CouponsCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { id } }": typeof types.CouponsCreateQuoteDocument,
    "mutation CouponsApplyCoupon6($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) { id } }": typeof types.CouponsApplyCoupon6Document,
    "mutation CouponsSendQuote($id: ID!) { sendQuote(id: $id) { id } }": typeof types.CouponsSendQuoteDocument,
    "query CouponsQuote($id: ID!) { quote(id: $id) { status total } }": typeof types.CouponsQuoteDocument,
    "mutation CouponsUpdateQuote($id: ID!) { updateQuote(id: $id, input: { couponCode: null }) { id } }": typeof types.CouponsUpdateQuoteDocument,
    "mutation CouponsSendQuote2($id: ID!) { sendQuote(id: $id) { status total coupon { code } } }": typeof types.CouponsSendQuote2Document,
    "mutation CouponsCreateContract2($input: CreateContractInput!) { createContract(input: $input) { id } }": typeof types.CouponsCreateContract2Document,
    "mutation CouponsApplyCoupon7($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) { id } }": typeof types.CouponsApplyCoupon7Document,
    "mutation CouponsApplyCoupon8($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) { id } }": typeof types.CouponsApplyCoupon8Document,
    "mutation CouponsApplyCoupon9($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) { id } }": typeof types.CouponsApplyCoupon9Document,
    "fragment CreditNoteFields on CreditNote { id number currency reason subtotal tax total createdAt invoice { id amountCredited amountDue } customer { id } lines { invoiceLineId description amount tax } }": typeof types.CreditNoteFieldsFragmentDoc,
    "fragment CreditedInvoiceFields on Invoice { id number status total tax amountDue amountCredited voidedAt lines { id amount tax proration } creditNotes { id number total lines { invoiceLineId amount tax } } }": typeof types.CreditedInvoiceFieldsFragmentDoc,
    "mutation CreditNotesCreate($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { ...CreditNoteFields } }": typeof types.CreditNotesCreateDocument,
    "mutation CreditNotesVoidInvoice($id: ID!) { voidInvoice(id: $id) { ...CreditedInvoiceFields } }": typeof types.CreditNotesVoidInvoiceDocument,
    "query CreditNotesInvoiceById($id: ID!) { invoice(id: $id) { ...CreditedInvoiceFields } }": typeof types.CreditNotesInvoiceByIdDocument,
    "query CreditNotesNote($id: ID!) { creditNote(id: $id) { ...CreditNoteFields } }": typeof types.CreditNotesNoteDocument,
    "query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n  creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) { edges { cursor node { id number customer { id } } } pageInfo { hasNextPage endCursor } } }": typeof types.CreditNotesCreditNotesDocument,
    "mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }": typeof types.CreditNotesCreateApiKeyDocument,
    "mutation CreditNotesChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) { id } }": typeof types.CreditNotesChangeSubscriptionDocument,
    "mutation CreditNotesRunBilling($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }": typeof types.CreditNotesRunBillingDocument,
    "query CreditNotesInvoice($id: ID!) { invoice(id: $id) { creditNotes { id } } }": typeof types.CreditNotesInvoiceDocument,
    "fragment DunningInvoiceFields on Invoice { id number status total amountDue amountPaid amountRemaining paidAt dueAt collectionMethod nextPaymentAttemptAt\n  attempts { kind step at amount outcome error provider providerReference } }": typeof types.DunningInvoiceFieldsFragmentDoc,
    "fragment DunningSubscriptionFields on Subscription { status version history { type } }": typeof types.DunningSubscriptionFieldsFragmentDoc,
    "mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }": typeof types.DunningSetDunningPolicyDocument,
    "mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id provider label isDefault } }": typeof types.DunningAttachPaymentMethodDocument,
    "mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }": typeof types.DunningAdvanceTestClockDocument,
    "query DunningInvoices($c: ID) { invoices(customerId: $c, first: 10) { edges { node { ...DunningInvoiceFields periodStart } } } }": typeof types.DunningInvoicesDocument,
    "query DunningSubscription($id: ID!) { subscription(id: $id) { ...DunningSubscriptionFields } }": typeof types.DunningSubscriptionDocument,
    "query DunningPaymentMethods($c: ID!) { paymentMethods(customerId: $c) { id } }": typeof types.DunningPaymentMethodsDocument,
    "mutation DunningDetachPaymentMethod($id: ID!) { detachPaymentMethod(id: $id) { id } }": typeof types.DunningDetachPaymentMethodDocument,
    "query DunningPaymentMethods2($c: ID!) { paymentMethods(customerId: $c) { id } }": typeof types.DunningPaymentMethods2Document,
    "mutation DunningVoidInvoice($id: ID!) { voidInvoice(id: $id) { status } }": typeof types.DunningVoidInvoiceDocument,
    "mutation DunningCreateCreditNote($id: ID!) { createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) { total } }": typeof types.DunningCreateCreditNoteDocument,
    "mutation DunningRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { status amountPaid amountRemaining attempts { kind amount outcome providerReference } } }": typeof types.DunningRecordPaymentDocument,
    "query DunningPaymentMethods3($c: ID!) { paymentMethods(customerId: $c) { provider label isDefault } }": typeof types.DunningPaymentMethods3Document,
    "query DunningCustomer($id: ID!) { customer(id: $id) { testClock { id } } }": typeof types.DunningCustomerDocument,
    "mutation DunningRecordPayment2($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }": typeof types.DunningRecordPayment2Document,
    "mutation DunningCreateApiKey { createApiKey(input: { role: SALES, name: \"s\" }) { secret } }": typeof types.DunningCreateApiKeyDocument,
    "mutation DunningVoidInvoice2($id: ID!) { voidInvoice(id: $id) { status } }": typeof types.DunningVoidInvoice2Document,
    "mutation DunningVoidInvoice3($id: ID!) { voidInvoice(id: $id) { status } }": typeof types.DunningVoidInvoice3Document,
    "mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }": typeof types.DunningSetDunningPolicy2Document,
    "fragment QuoteFields on Quote { id status currency validUntil trialDays collection subtotal tax total notes sentAt acceptedAt declinedAt createdAt\n  customer { id } lines { priceCode quantity priceVersion amount tax steps } subscription { id status } }": typeof types.QuoteFieldsFragmentDoc,
    "fragment QuoteSubscriptionFields on Subscription { id status collectionMethod trialEnd customer { id } items { priceCode quantity price { code version } } }": typeof types.QuoteSubscriptionFieldsFragmentDoc,
    "mutation QuotesCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { ...QuoteFields } }": typeof types.QuotesCreateQuoteDocument,
    "mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) { updateQuote(id: $id, input: $input) { ...QuoteFields } }": typeof types.QuotesUpdateQuoteDocument,
    "mutation QuotesSendQuote($id: ID!) { sendQuote(id: $id) { ...QuoteFields } }": typeof types.QuotesSendQuoteDocument,
    "mutation QuotesAcceptQuote($id: ID!) { acceptQuote(id: $id) { ...QuoteSubscriptionFields } }": typeof types.QuotesAcceptQuoteDocument,
    "mutation QuotesDeclineQuote($id: ID!) { declineQuote(id: $id) { ...QuoteFields } }": typeof types.QuotesDeclineQuoteDocument,
    "query QuotesQuote($id: ID!) { quote(id: $id) { ...QuoteFields } }": typeof types.QuotesQuoteDocument,
    "mutation QuotesCreateApiKey($role: Role!, $c: ID) { createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) { secret } }": typeof types.QuotesCreateApiKeyDocument,
    "query QuotesSubscriptions($c: ID) { subscriptions(customerId: $c, first: 100) { edges { node { id } } } }": typeof types.QuotesSubscriptionsDocument,
    "mutation QuotesArchivePrice { archivePrice(code: \"old\") { status } }": typeof types.QuotesArchivePriceDocument,
    "mutation QuotesCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }": typeof types.QuotesCreateContractDocument,
    "mutation QuotesUpdatePrice { updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) { version } }": typeof types.QuotesUpdatePriceDocument,
    "mutation QuotesUpdatePrice2 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) { version } }": typeof types.QuotesUpdatePrice2Document,
    "mutation QuotesUpdatePrice3 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) { version } }": typeof types.QuotesUpdatePrice3Document,
    "mutation QuotesUpdatePrice4 { updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) { version } }": typeof types.QuotesUpdatePrice4Document,
    "query QuotesQuotes($c: ID, $s: QuoteStatus) { quotes(customerId: $c, status: $s) { edges { node { id status } } } }": typeof types.QuotesQuotesDocument,
    "mutation QuotesArchivePrice2 { archivePrice(code: \"legacy\") { status } }": typeof types.QuotesArchivePrice2Document,
    "query QuotesQuotes2($c: ID) { quotes(customerId: $c) { edges { node { id } } } }": typeof types.QuotesQuotes2Document,
    "query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) { quotes(customerId: $c, first: 2, after: $after, status: $s) {\n      edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }": typeof types.QuotesQuotes3Document,
    "fragment SegmentCustomerFields on Customer { id name tags metadata }": typeof types.SegmentCustomerFieldsFragmentDoc,
    "mutation SegmentsCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { ...SegmentCustomerFields } }": typeof types.SegmentsCreateCustomerDocument,
    "mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ...SegmentCustomerFields } }": typeof types.SegmentsUpdateCustomerDocument,
    "mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { ...SegmentCustomerFields updatedAt } } }": typeof types.SegmentsUpsertCustomerDocument,
    "query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, search: $search, filter: $filter) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }": typeof types.SegmentsCustomersDocument,
    "mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }": typeof types.SegmentsCreateApiKeyDocument,
    "mutation SegmentsCancelSubscription($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }": typeof types.SegmentsCancelSubscriptionDocument,
    "mutation SegmentsCreateTestClock($at: DateTime!) { createTestClock(frozenTime: $at) { id } }": typeof types.SegmentsCreateTestClockDocument,
    "mutation SegmentsCancelSubscription2($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }": typeof types.SegmentsCancelSubscription2Document,
};
const documents: Documents = {
    "fragment CouponFields on Coupon { id code name percentOff amountOff currency duration durationInMonths appliesToPriceCodes maxRedemptions timesRedeemed redeemBy }": types.CouponFieldsFragmentDoc,
    "fragment CouponDiscountFields on Discount { id startsAt endsAt endedAt consumedAt promotionCode coupon { code } customer { id } subscription { id } }": types.CouponDiscountFieldsFragmentDoc,
    "mutation CouponsCreateCoupon($input: CreateCouponInput!) { createCoupon(input: $input) { ...CouponFields } }": types.CouponsCreateCouponDocument,
    "mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) { createPromotionCode(input: $input) { id code maxRedemptions timesRedeemed expiresAt coupon { code } customer { id } } }": types.CouponsCreatePromotionCodeDocument,
    "mutation CouponsApplyCoupon($input: ApplyCouponInput!) { applyCoupon(input: $input) { ...CouponDiscountFields } }": types.CouponsApplyCouponDocument,
    "mutation CouponsCreateApiKey { createApiKey(input: { role: SALES, name: \"sales\" }) { secret } }": types.CouponsCreateApiKeyDocument,
    "mutation CouponsCreateApiKey2($c: ID!) { createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) { secret } }": types.CouponsCreateApiKey2Document,
    "query CouponsCoupon { coupon(code: \"SPRING20\") { code } }": types.CouponsCouponDocument,
    "mutation CouponsApplyCoupon2($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) { id } }": types.CouponsApplyCoupon2Document,
    "mutation CouponsCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }": types.CouponsCreateContractDocument,
    "query CouponsSubscription($id: ID!) { subscription(id: $id) { discount { ...CouponDiscountFields } } }": types.CouponsSubscriptionDocument,
    "query CouponsSubscription2($id: ID!) { subscription(id: $id) { discount { consumedAt } } }": types.CouponsSubscription2Document,
    "query CouponsSubscription3($id: ID!) { subscription(id: $id) { discount { endsAt } } }": types.CouponsSubscription3Document,
    "query CouponsCustomer($id: ID!) { customer(id: $id) { discount { id } } }": types.CouponsCustomerDocument,
    "mutation CouponsApplyCoupon3($input: ApplyCouponInput!) { applyCoupon(input: $input) { id } }": types.CouponsApplyCoupon3Document,
    "mutation CouponsChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) { id } }": types.CouponsChangeSubscriptionDocument,
    "mutation CouponsChangeSubscription2($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) { id } }": types.CouponsChangeSubscription2Document,
    "query CouponsSubscription4($id: ID!) { subscription(id: $id) { discount { id } } }": types.CouponsSubscription4Document,
    "mutation CouponsRemoveDiscount($id: ID!) { removeDiscount(id: $id) { endedAt } }": types.CouponsRemoveDiscountDocument,
    "mutation CouponsRemoveDiscount2($id: ID!) { removeDiscount(id: $id) { id } }": types.CouponsRemoveDiscount2Document,
    "query CouponsPreviewQuote($input: PreviewQuoteInput!) { previewQuote(input: $input) { subtotal tax total lines { kind priceCode amount tax couponCode steps } } }": types.CouponsPreviewQuoteDocument,
    "mutation CouponsAcceptQuote($id: ID!) { acceptQuote(id: $id) { id discount { coupon { code } startsAt } } }": types.CouponsAcceptQuoteDocument,
    "mutation CouponsApplyCoupon4($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) { id } }": types.CouponsApplyCoupon4Document,
    "mutation CouponsApplyCoupon5($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) { id } }": types.CouponsApplyCoupon5Document,
    "mutation CouponsRemoveDiscount3($id: ID!) { removeDiscount(id: $id) { id } }": types.CouponsRemoveDiscount3Document,
    "mutation CouponsCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { id } }": types.CouponsCreateQuoteDocument,
    "mutation CouponsApplyCoupon6($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) { id } }": types.CouponsApplyCoupon6Document,
    "mutation CouponsSendQuote($id: ID!) { sendQuote(id: $id) { id } }": types.CouponsSendQuoteDocument,
    "query CouponsQuote($id: ID!) { quote(id: $id) { status total } }": types.CouponsQuoteDocument,
    "mutation CouponsUpdateQuote($id: ID!) { updateQuote(id: $id, input: { couponCode: null }) { id } }": types.CouponsUpdateQuoteDocument,
    "mutation CouponsSendQuote2($id: ID!) { sendQuote(id: $id) { status total coupon { code } } }": types.CouponsSendQuote2Document,
    "mutation CouponsCreateContract2($input: CreateContractInput!) { createContract(input: $input) { id } }": types.CouponsCreateContract2Document,
    "mutation CouponsApplyCoupon7($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) { id } }": types.CouponsApplyCoupon7Document,
    "mutation CouponsApplyCoupon8($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) { id } }": types.CouponsApplyCoupon8Document,
    "mutation CouponsApplyCoupon9($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) { id } }": types.CouponsApplyCoupon9Document,
    "fragment CreditNoteFields on CreditNote { id number currency reason subtotal tax total createdAt invoice { id amountCredited amountDue } customer { id } lines { invoiceLineId description amount tax } }": types.CreditNoteFieldsFragmentDoc,
    "fragment CreditedInvoiceFields on Invoice { id number status total tax amountDue amountCredited voidedAt lines { id amount tax proration } creditNotes { id number total lines { invoiceLineId amount tax } } }": types.CreditedInvoiceFieldsFragmentDoc,
    "mutation CreditNotesCreate($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { ...CreditNoteFields } }": types.CreditNotesCreateDocument,
    "mutation CreditNotesVoidInvoice($id: ID!) { voidInvoice(id: $id) { ...CreditedInvoiceFields } }": types.CreditNotesVoidInvoiceDocument,
    "query CreditNotesInvoiceById($id: ID!) { invoice(id: $id) { ...CreditedInvoiceFields } }": types.CreditNotesInvoiceByIdDocument,
    "query CreditNotesNote($id: ID!) { creditNote(id: $id) { ...CreditNoteFields } }": types.CreditNotesNoteDocument,
    "query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n  creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) { edges { cursor node { id number customer { id } } } pageInfo { hasNextPage endCursor } } }": types.CreditNotesCreditNotesDocument,
    "mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }": types.CreditNotesCreateApiKeyDocument,
    "mutation CreditNotesChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) { id } }": types.CreditNotesChangeSubscriptionDocument,
    "mutation CreditNotesRunBilling($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }": types.CreditNotesRunBillingDocument,
    "query CreditNotesInvoice($id: ID!) { invoice(id: $id) { creditNotes { id } } }": types.CreditNotesInvoiceDocument,
    "fragment DunningInvoiceFields on Invoice { id number status total amountDue amountPaid amountRemaining paidAt dueAt collectionMethod nextPaymentAttemptAt\n  attempts { kind step at amount outcome error provider providerReference } }": types.DunningInvoiceFieldsFragmentDoc,
    "fragment DunningSubscriptionFields on Subscription { status version history { type } }": types.DunningSubscriptionFieldsFragmentDoc,
    "mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }": types.DunningSetDunningPolicyDocument,
    "mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id provider label isDefault } }": types.DunningAttachPaymentMethodDocument,
    "mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }": types.DunningAdvanceTestClockDocument,
    "query DunningInvoices($c: ID) { invoices(customerId: $c, first: 10) { edges { node { ...DunningInvoiceFields periodStart } } } }": types.DunningInvoicesDocument,
    "query DunningSubscription($id: ID!) { subscription(id: $id) { ...DunningSubscriptionFields } }": types.DunningSubscriptionDocument,
    "query DunningPaymentMethods($c: ID!) { paymentMethods(customerId: $c) { id } }": types.DunningPaymentMethodsDocument,
    "mutation DunningDetachPaymentMethod($id: ID!) { detachPaymentMethod(id: $id) { id } }": types.DunningDetachPaymentMethodDocument,
    "query DunningPaymentMethods2($c: ID!) { paymentMethods(customerId: $c) { id } }": types.DunningPaymentMethods2Document,
    "mutation DunningVoidInvoice($id: ID!) { voidInvoice(id: $id) { status } }": types.DunningVoidInvoiceDocument,
    "mutation DunningCreateCreditNote($id: ID!) { createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) { total } }": types.DunningCreateCreditNoteDocument,
    "mutation DunningRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { status amountPaid amountRemaining attempts { kind amount outcome providerReference } } }": types.DunningRecordPaymentDocument,
    "query DunningPaymentMethods3($c: ID!) { paymentMethods(customerId: $c) { provider label isDefault } }": types.DunningPaymentMethods3Document,
    "query DunningCustomer($id: ID!) { customer(id: $id) { testClock { id } } }": types.DunningCustomerDocument,
    "mutation DunningRecordPayment2($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }": types.DunningRecordPayment2Document,
    "mutation DunningCreateApiKey { createApiKey(input: { role: SALES, name: \"s\" }) { secret } }": types.DunningCreateApiKeyDocument,
    "mutation DunningVoidInvoice2($id: ID!) { voidInvoice(id: $id) { status } }": types.DunningVoidInvoice2Document,
    "mutation DunningVoidInvoice3($id: ID!) { voidInvoice(id: $id) { status } }": types.DunningVoidInvoice3Document,
    "mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }": types.DunningSetDunningPolicy2Document,
    "fragment QuoteFields on Quote { id status currency validUntil trialDays collection subtotal tax total notes sentAt acceptedAt declinedAt createdAt\n  customer { id } lines { priceCode quantity priceVersion amount tax steps } subscription { id status } }": types.QuoteFieldsFragmentDoc,
    "fragment QuoteSubscriptionFields on Subscription { id status collectionMethod trialEnd customer { id } items { priceCode quantity price { code version } } }": types.QuoteSubscriptionFieldsFragmentDoc,
    "mutation QuotesCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { ...QuoteFields } }": types.QuotesCreateQuoteDocument,
    "mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) { updateQuote(id: $id, input: $input) { ...QuoteFields } }": types.QuotesUpdateQuoteDocument,
    "mutation QuotesSendQuote($id: ID!) { sendQuote(id: $id) { ...QuoteFields } }": types.QuotesSendQuoteDocument,
    "mutation QuotesAcceptQuote($id: ID!) { acceptQuote(id: $id) { ...QuoteSubscriptionFields } }": types.QuotesAcceptQuoteDocument,
    "mutation QuotesDeclineQuote($id: ID!) { declineQuote(id: $id) { ...QuoteFields } }": types.QuotesDeclineQuoteDocument,
    "query QuotesQuote($id: ID!) { quote(id: $id) { ...QuoteFields } }": types.QuotesQuoteDocument,
    "mutation QuotesCreateApiKey($role: Role!, $c: ID) { createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) { secret } }": types.QuotesCreateApiKeyDocument,
    "query QuotesSubscriptions($c: ID) { subscriptions(customerId: $c, first: 100) { edges { node { id } } } }": types.QuotesSubscriptionsDocument,
    "mutation QuotesArchivePrice { archivePrice(code: \"old\") { status } }": types.QuotesArchivePriceDocument,
    "mutation QuotesCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }": types.QuotesCreateContractDocument,
    "mutation QuotesUpdatePrice { updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) { version } }": types.QuotesUpdatePriceDocument,
    "mutation QuotesUpdatePrice2 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) { version } }": types.QuotesUpdatePrice2Document,
    "mutation QuotesUpdatePrice3 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) { version } }": types.QuotesUpdatePrice3Document,
    "mutation QuotesUpdatePrice4 { updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) { version } }": types.QuotesUpdatePrice4Document,
    "query QuotesQuotes($c: ID, $s: QuoteStatus) { quotes(customerId: $c, status: $s) { edges { node { id status } } } }": types.QuotesQuotesDocument,
    "mutation QuotesArchivePrice2 { archivePrice(code: \"legacy\") { status } }": types.QuotesArchivePrice2Document,
    "query QuotesQuotes2($c: ID) { quotes(customerId: $c) { edges { node { id } } } }": types.QuotesQuotes2Document,
    "query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) { quotes(customerId: $c, first: 2, after: $after, status: $s) {\n      edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }": types.QuotesQuotes3Document,
    "fragment SegmentCustomerFields on Customer { id name tags metadata }": types.SegmentCustomerFieldsFragmentDoc,
    "mutation SegmentsCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { ...SegmentCustomerFields } }": types.SegmentsCreateCustomerDocument,
    "mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ...SegmentCustomerFields } }": types.SegmentsUpdateCustomerDocument,
    "mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { ...SegmentCustomerFields updatedAt } } }": types.SegmentsUpsertCustomerDocument,
    "query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, search: $search, filter: $filter) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }": types.SegmentsCustomersDocument,
    "mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }": types.SegmentsCreateApiKeyDocument,
    "mutation SegmentsCancelSubscription($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }": types.SegmentsCancelSubscriptionDocument,
    "mutation SegmentsCreateTestClock($at: DateTime!) { createTestClock(frozenTime: $at) { id } }": types.SegmentsCreateTestClockDocument,
    "mutation SegmentsCancelSubscription2($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }": types.SegmentsCancelSubscription2Document,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CouponFields on Coupon { id code name percentOff amountOff currency duration durationInMonths appliesToPriceCodes maxRedemptions timesRedeemed redeemBy }"): typeof import('./graphql').CouponFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CouponDiscountFields on Discount { id startsAt endsAt endedAt consumedAt promotionCode coupon { code } customer { id } subscription { id } }"): typeof import('./graphql').CouponDiscountFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateCoupon($input: CreateCouponInput!) { createCoupon(input: $input) { ...CouponFields } }"): typeof import('./graphql').CouponsCreateCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) { createPromotionCode(input: $input) { id code maxRedemptions timesRedeemed expiresAt coupon { code } customer { id } } }"): typeof import('./graphql').CouponsCreatePromotionCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon($input: ApplyCouponInput!) { applyCoupon(input: $input) { ...CouponDiscountFields } }"): typeof import('./graphql').CouponsApplyCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateApiKey { createApiKey(input: { role: SALES, name: \"sales\" }) { secret } }"): typeof import('./graphql').CouponsCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateApiKey2($c: ID!) { createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) { secret } }"): typeof import('./graphql').CouponsCreateApiKey2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsCoupon { coupon(code: \"SPRING20\") { code } }"): typeof import('./graphql').CouponsCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon2($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }"): typeof import('./graphql').CouponsCreateContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsSubscription($id: ID!) { subscription(id: $id) { discount { ...CouponDiscountFields } } }"): typeof import('./graphql').CouponsSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsSubscription2($id: ID!) { subscription(id: $id) { discount { consumedAt } } }"): typeof import('./graphql').CouponsSubscription2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsSubscription3($id: ID!) { subscription(id: $id) { discount { endsAt } } }"): typeof import('./graphql').CouponsSubscription3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsCustomer($id: ID!) { customer(id: $id) { discount { id } } }"): typeof import('./graphql').CouponsCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon3($input: ApplyCouponInput!) { applyCoupon(input: $input) { id } }"): typeof import('./graphql').CouponsApplyCoupon3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) { id } }"): typeof import('./graphql').CouponsChangeSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsChangeSubscription2($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) { id } }"): typeof import('./graphql').CouponsChangeSubscription2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsSubscription4($id: ID!) { subscription(id: $id) { discount { id } } }"): typeof import('./graphql').CouponsSubscription4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsRemoveDiscount($id: ID!) { removeDiscount(id: $id) { endedAt } }"): typeof import('./graphql').CouponsRemoveDiscountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsRemoveDiscount2($id: ID!) { removeDiscount(id: $id) { id } }"): typeof import('./graphql').CouponsRemoveDiscount2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsPreviewQuote($input: PreviewQuoteInput!) { previewQuote(input: $input) { subtotal tax total lines { kind priceCode amount tax couponCode steps } } }"): typeof import('./graphql').CouponsPreviewQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsAcceptQuote($id: ID!) { acceptQuote(id: $id) { id discount { coupon { code } startsAt } } }"): typeof import('./graphql').CouponsAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon4($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon5($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon5Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsRemoveDiscount3($id: ID!) { removeDiscount(id: $id) { id } }"): typeof import('./graphql').CouponsRemoveDiscount3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { id } }"): typeof import('./graphql').CouponsCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon6($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon6Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsSendQuote($id: ID!) { sendQuote(id: $id) { id } }"): typeof import('./graphql').CouponsSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CouponsQuote($id: ID!) { quote(id: $id) { status total } }"): typeof import('./graphql').CouponsQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsUpdateQuote($id: ID!) { updateQuote(id: $id, input: { couponCode: null }) { id } }"): typeof import('./graphql').CouponsUpdateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsSendQuote2($id: ID!) { sendQuote(id: $id) { status total coupon { code } } }"): typeof import('./graphql').CouponsSendQuote2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsCreateContract2($input: CreateContractInput!) { createContract(input: $input) { id } }"): typeof import('./graphql').CouponsCreateContract2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon7($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon7Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon8($s: ID!) { applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon8Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CouponsApplyCoupon9($c: ID!) { applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) { id } }"): typeof import('./graphql').CouponsApplyCoupon9Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CreditNoteFields on CreditNote { id number currency reason subtotal tax total createdAt invoice { id amountCredited amountDue } customer { id } lines { invoiceLineId description amount tax } }"): typeof import('./graphql').CreditNoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CreditedInvoiceFields on Invoice { id number status total tax amountDue amountCredited voidedAt lines { id amount tax proration } creditNotes { id number total lines { invoiceLineId amount tax } } }"): typeof import('./graphql').CreditedInvoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditNotesCreate($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { ...CreditNoteFields } }"): typeof import('./graphql').CreditNotesCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditNotesVoidInvoice($id: ID!) { voidInvoice(id: $id) { ...CreditedInvoiceFields } }"): typeof import('./graphql').CreditNotesVoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditNotesInvoiceById($id: ID!) { invoice(id: $id) { ...CreditedInvoiceFields } }"): typeof import('./graphql').CreditNotesInvoiceByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditNotesNote($id: ID!) { creditNote(id: $id) { ...CreditNoteFields } }"): typeof import('./graphql').CreditNotesNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n  creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) { edges { cursor node { id number customer { id } } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').CreditNotesCreditNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }"): typeof import('./graphql').CreditNotesCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditNotesChangeSubscription($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) { id } }"): typeof import('./graphql').CreditNotesChangeSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreditNotesRunBilling($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }"): typeof import('./graphql').CreditNotesRunBillingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CreditNotesInvoice($id: ID!) { invoice(id: $id) { creditNotes { id } } }"): typeof import('./graphql').CreditNotesInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DunningInvoiceFields on Invoice { id number status total amountDue amountPaid amountRemaining paidAt dueAt collectionMethod nextPaymentAttemptAt\n  attempts { kind step at amount outcome error provider providerReference } }"): typeof import('./graphql').DunningInvoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DunningSubscriptionFields on Subscription { status version history { type } }"): typeof import('./graphql').DunningSubscriptionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }"): typeof import('./graphql').DunningSetDunningPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id provider label isDefault } }"): typeof import('./graphql').DunningAttachPaymentMethodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }"): typeof import('./graphql').DunningAdvanceTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningInvoices($c: ID) { invoices(customerId: $c, first: 10) { edges { node { ...DunningInvoiceFields periodStart } } } }"): typeof import('./graphql').DunningInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningSubscription($id: ID!) { subscription(id: $id) { ...DunningSubscriptionFields } }"): typeof import('./graphql').DunningSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningPaymentMethods($c: ID!) { paymentMethods(customerId: $c) { id } }"): typeof import('./graphql').DunningPaymentMethodsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningDetachPaymentMethod($id: ID!) { detachPaymentMethod(id: $id) { id } }"): typeof import('./graphql').DunningDetachPaymentMethodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningPaymentMethods2($c: ID!) { paymentMethods(customerId: $c) { id } }"): typeof import('./graphql').DunningPaymentMethods2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningVoidInvoice($id: ID!) { voidInvoice(id: $id) { status } }"): typeof import('./graphql').DunningVoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningCreateCreditNote($id: ID!) { createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) { total } }"): typeof import('./graphql').DunningCreateCreditNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { status amountPaid amountRemaining attempts { kind amount outcome providerReference } } }"): typeof import('./graphql').DunningRecordPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningPaymentMethods3($c: ID!) { paymentMethods(customerId: $c) { provider label isDefault } }"): typeof import('./graphql').DunningPaymentMethods3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DunningCustomer($id: ID!) { customer(id: $id) { testClock { id } } }"): typeof import('./graphql').DunningCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningRecordPayment2($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }"): typeof import('./graphql').DunningRecordPayment2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningCreateApiKey { createApiKey(input: { role: SALES, name: \"s\" }) { secret } }"): typeof import('./graphql').DunningCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningVoidInvoice2($id: ID!) { voidInvoice(id: $id) { status } }"): typeof import('./graphql').DunningVoidInvoice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningVoidInvoice3($id: ID!) { voidInvoice(id: $id) { status } }"): typeof import('./graphql').DunningVoidInvoice3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { retryAfterDays } }"): typeof import('./graphql').DunningSetDunningPolicy2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuoteFields on Quote { id status currency validUntil trialDays collection subtotal tax total notes sentAt acceptedAt declinedAt createdAt\n  customer { id } lines { priceCode quantity priceVersion amount tax steps } subscription { id status } }"): typeof import('./graphql').QuoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuoteSubscriptionFields on Subscription { id status collectionMethod trialEnd customer { id } items { priceCode quantity price { code version } } }"): typeof import('./graphql').QuoteSubscriptionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesCreateQuote($input: CreateQuoteInput!) { createQuote(input: $input) { ...QuoteFields } }"): typeof import('./graphql').QuotesCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) { updateQuote(id: $id, input: $input) { ...QuoteFields } }"): typeof import('./graphql').QuotesUpdateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesSendQuote($id: ID!) { sendQuote(id: $id) { ...QuoteFields } }"): typeof import('./graphql').QuotesSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesAcceptQuote($id: ID!) { acceptQuote(id: $id) { ...QuoteSubscriptionFields } }"): typeof import('./graphql').QuotesAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesDeclineQuote($id: ID!) { declineQuote(id: $id) { ...QuoteFields } }"): typeof import('./graphql').QuotesDeclineQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesQuote($id: ID!) { quote(id: $id) { ...QuoteFields } }"): typeof import('./graphql').QuotesQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesCreateApiKey($role: Role!, $c: ID) { createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) { secret } }"): typeof import('./graphql').QuotesCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesSubscriptions($c: ID) { subscriptions(customerId: $c, first: 100) { edges { node { id } } } }"): typeof import('./graphql').QuotesSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesArchivePrice { archivePrice(code: \"old\") { status } }"): typeof import('./graphql').QuotesArchivePriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesCreateContract($input: CreateContractInput!) { createContract(input: $input) { id } }"): typeof import('./graphql').QuotesCreateContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesUpdatePrice { updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) { version } }"): typeof import('./graphql').QuotesUpdatePriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesUpdatePrice2 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) { version } }"): typeof import('./graphql').QuotesUpdatePrice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesUpdatePrice3 { updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) { version } }"): typeof import('./graphql').QuotesUpdatePrice3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesUpdatePrice4 { updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) { version } }"): typeof import('./graphql').QuotesUpdatePrice4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesQuotes($c: ID, $s: QuoteStatus) { quotes(customerId: $c, status: $s) { edges { node { id status } } } }"): typeof import('./graphql').QuotesQuotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuotesArchivePrice2 { archivePrice(code: \"legacy\") { status } }"): typeof import('./graphql').QuotesArchivePrice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesQuotes2($c: ID) { quotes(customerId: $c) { edges { node { id } } } }"): typeof import('./graphql').QuotesQuotes2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) { quotes(customerId: $c, first: 2, after: $after, status: $s) {\n      edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').QuotesQuotes3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SegmentCustomerFields on Customer { id name tags metadata }"): typeof import('./graphql').SegmentCustomerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { ...SegmentCustomerFields } }"): typeof import('./graphql').SegmentsCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ...SegmentCustomerFields } }"): typeof import('./graphql').SegmentsUpdateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { ...SegmentCustomerFields updatedAt } } }"): typeof import('./graphql').SegmentsUpsertCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n  customers(first: $first, after: $after, search: $search, filter: $filter) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').SegmentsCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }"): typeof import('./graphql').SegmentsCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsCancelSubscription($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }"): typeof import('./graphql').SegmentsCancelSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsCreateTestClock($at: DateTime!) { createTestClock(frozenTime: $at) { id } }"): typeof import('./graphql').SegmentsCreateTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SegmentsCancelSubscription2($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }"): typeof import('./graphql').SegmentsCancelSubscription2Document;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
