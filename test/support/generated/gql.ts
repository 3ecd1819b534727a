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
    "\n  mutation BankStatementsImport($input: ImportBankStatementInput!) {\n    importBankStatement(input: $input) {\n      id\n      statementId\n      entries\n      matched\n      unmatched {\n        id\n        amount\n        currency\n        credit\n        bookingDate\n        debtorName\n        debtorIban\n        remittanceInformation\n        reference\n        status\n        customerId\n      }\n    }\n  }\n": typeof types.BankStatementsImportDocument,
    "\n  mutation BankStatementsAssign($id: ID!, $invoiceId: ID, $customerId: ID) {\n    assignBankEntry(id: $id, invoiceId: $invoiceId, customerId: $customerId) {\n      id\n      status\n      customerId\n    }\n  }\n": typeof types.BankStatementsAssignDocument,
    "\n  query BankStatementsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      creditBalance\n    }\n  }\n": typeof types.BankStatementsCustomerDocument,
    "\n  query BankStatementsInvoices($customerId: ID!) {\n    invoices(customerId: $customerId, first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          paymentReference\n          amountRemaining\n        }\n      }\n    }\n  }\n": typeof types.BankStatementsInvoicesDocument,
    "\n  mutation BankStatementsKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": typeof types.BankStatementsKeyDocument,
    "\n  mutation GroupAnalyticsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": typeof types.GroupAnalyticsCreateCustomerDocument,
    "\n  mutation GroupAnalyticsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      payer {\n        id\n      }\n    }\n  }\n": typeof types.GroupAnalyticsUpdateCustomerDocument,
    "\n  mutation GroupAnalyticsCancel($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n": typeof types.GroupAnalyticsCancelDocument,
    "\n  query GroupAnalyticsMetrics($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    revenueMetrics(from: $from, to: $to, interval: MONTH, currency: $currency, by: $by) {\n      periodStart\n      startMrr\n      newMrr\n      expansionMrr\n      reactivationMrr\n      contractionMrr\n      churnedMrr\n      mrr\n      arr\n      activeCustomers\n      arpa\n      logoChurnRate\n      grossRevenueRetention\n      netRevenueRetention\n    }\n  }\n": typeof types.GroupAnalyticsMetricsDocument,
    "\n  query GroupAnalyticsCohorts($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    cohorts(from: $from, to: $to, currency: $currency, by: $by) {\n      month\n      customers\n      startMrr\n      months {\n        offset\n        customers\n        mrr\n      }\n    }\n  }\n": typeof types.GroupAnalyticsCohortsDocument,
    "\n  query GroupAnalyticsCustomerMrr($id: ID!) {\n    customer(id: $id) {\n      own: mrr\n      rolledUp: mrr(rollUp: true)\n      inUsd: mrr(currency: \"USD\", rollUp: true)\n    }\n  }\n": typeof types.GroupAnalyticsCustomerMrrDocument,
    "\n  query GroupAnalyticsSegment($filter: CustomerFilter!) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.GroupAnalyticsSegmentDocument,
    "\n  mutation GroupPortalCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": typeof types.GroupPortalCreateCustomerDocument,
    "\n  query GroupPortalInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          id\n          number\n          finalizedAt\n          total\n          lines {\n            id\n            description\n            amount\n            tax\n            periodStart\n            periodEnd\n            customerId\n            subscriptionId\n            locationId\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupPortalInvoicesDocument,
    "\n  query GroupPortalConsumption($id: ID!, $first: Int, $after: String) {\n    customer(id: $id) {\n      consumption(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            invoiceNumber\n            issuedAt\n            currency\n            kind\n            description\n            quantity\n            amount\n            tax\n            periodStart\n            periodEnd\n            subscriptionId\n            locationId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupPortalConsumptionDocument,
    "\n  query GroupPortalInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      total\n    }\n  }\n": typeof types.GroupPortalInvoiceDocument,
    "\n  query GroupPortalParent($id: ID!) {\n    customer(id: $id) {\n      id\n    }\n  }\n": typeof types.GroupPortalParentDocument,
    "\n  mutation GroupPortalSession($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://shop.example.com/account\", contactId: $contact) {\n      url\n    }\n  }\n": typeof types.GroupPortalSessionDocument,
    "\n  fragment CouponFields on Coupon {\n    id\n    code\n    name\n    percentOff\n    amountOff\n    currency\n    duration\n    durationInMonths\n    appliesToPriceCodes\n    maxRedemptions\n    timesRedeemed\n    redeemBy\n  }\n": typeof types.CouponFieldsFragmentDoc,
    "\n  fragment CouponDiscountFields on Discount {\n    id\n    startsAt\n    endsAt\n    endedAt\n    consumedAt\n    promotionCode\n    coupon {\n      code\n    }\n    customer {\n      id\n    }\n    subscription {\n      id\n    }\n  }\n": typeof types.CouponDiscountFieldsFragmentDoc,
    "\n      mutation CouponsCreateCoupon($input: CreateCouponInput!) {\n        createCoupon(input: $input) {\n          ...CouponFields\n        }\n      }\n    ": typeof types.CouponsCreateCouponDocument,
    "\n      mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) {\n        createPromotionCode(input: $input) {\n          id\n          code\n          maxRedemptions\n          timesRedeemed\n          expiresAt\n          coupon {\n            code\n          }\n          customer {\n            id\n          }\n        }\n      }\n    ": typeof types.CouponsCreatePromotionCodeDocument,
    "\n      mutation CouponsApplyCoupon($input: ApplyCouponInput!) {\n        applyCoupon(input: $input) {\n          ...CouponDiscountFields\n        }\n      }\n    ": typeof types.CouponsApplyCouponDocument,
    "\n        mutation CouponsCreateApiKey {\n          createApiKey(input: { role: SALES, name: \"sales\" }) {\n            secret\n          }\n        }\n      ": typeof types.CouponsCreateApiKeyDocument,
    "\n          mutation CouponsCreateApiKey2($c: ID!) {\n            createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) {\n              secret\n            }\n          }\n        ": typeof types.CouponsCreateApiKey2Document,
    "\n            query CouponsCoupon {\n              coupon(code: \"SPRING20\") {\n                code\n              }\n            }\n          ": typeof types.CouponsCouponDocument,
    "\n        mutation CouponsApplyCoupon2($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon2Document,
    "\n        mutation CouponsCreateContract($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      ": typeof types.CouponsCreateContractDocument,
    "\n        query CouponsSubscription($id: ID!) {\n          subscription(id: $id) {\n            discount {\n              ...CouponDiscountFields\n            }\n          }\n        }\n      ": typeof types.CouponsSubscriptionDocument,
    "\n          query CouponsSubscription2($id: ID!) {\n            subscription(id: $id) {\n              discount {\n                consumedAt\n              }\n            }\n          }\n        ": typeof types.CouponsSubscription2Document,
    "\n            query CouponsSubscription3($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  endsAt\n                }\n              }\n            }\n          ": typeof types.CouponsSubscription3Document,
    "\n            query CouponsCustomer($id: ID!) {\n              customer(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          ": typeof types.CouponsCustomerDocument,
    "\n        mutation CouponsApplyCoupon3($input: ApplyCouponInput!) {\n          applyCoupon(input: $input) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon3Document,
    "\n        mutation CouponsChangeSubscription($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) {\n            id\n          }\n        }\n      ": typeof types.CouponsChangeSubscriptionDocument,
    "\n        mutation CouponsChangeSubscription2($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) {\n            id\n          }\n        }\n      ": typeof types.CouponsChangeSubscription2Document,
    "\n            query CouponsSubscription4($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          ": typeof types.CouponsSubscription4Document,
    "\n          mutation CouponsRemoveDiscount($id: ID!) {\n            removeDiscount(id: $id) {\n              endedAt\n            }\n          }\n        ": typeof types.CouponsRemoveDiscountDocument,
    "\n            mutation CouponsRemoveDiscount2($id: ID!) {\n              removeDiscount(id: $id) {\n                id\n              }\n            }\n          ": typeof types.CouponsRemoveDiscount2Document,
    "\n        query CouponsPreviewQuote($input: PreviewQuoteInput!) {\n          previewQuote(input: $input) {\n            subtotal\n            tax\n            total\n            lines {\n              kind\n              priceCode\n              amount\n              tax\n              couponCode\n              steps\n            }\n          }\n        }\n      ": typeof types.CouponsPreviewQuoteDocument,
    "\n          mutation CouponsAcceptQuote($id: ID!) {\n            acceptQuote(id: $id) {\n              id\n              discount {\n                coupon {\n                  code\n                }\n                startsAt\n              }\n            }\n          }\n        ": typeof types.CouponsAcceptQuoteDocument,
    "\n        mutation CouponsApplyCoupon4($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon4Document,
    "\n          mutation CouponsApplyCoupon5($s: ID!) {\n            applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) {\n              id\n            }\n          }\n        ": typeof types.CouponsApplyCoupon5Document,
    "\n        mutation CouponsRemoveDiscount3($id: ID!) {\n          removeDiscount(id: $id) {\n            id\n          }\n        }\n      ": typeof types.CouponsRemoveDiscount3Document,
    "\n          mutation CouponsCreateQuote($input: CreateQuoteInput!) {\n            createQuote(input: $input) {\n              id\n            }\n          }\n        ": typeof types.CouponsCreateQuoteDocument,
    "\n        mutation CouponsApplyCoupon6($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon6Document,
    "\n        mutation CouponsSendQuote($id: ID!) {\n          sendQuote(id: $id) {\n            id\n          }\n        }\n      ": typeof types.CouponsSendQuoteDocument,
    "\n            query CouponsQuote($id: ID!) {\n              quote(id: $id) {\n                status\n                total\n              }\n            }\n          ": typeof types.CouponsQuoteDocument,
    "\n        mutation CouponsUpdateQuote($id: ID!) {\n          updateQuote(id: $id, input: { couponCode: null }) {\n            id\n          }\n        }\n      ": typeof types.CouponsUpdateQuoteDocument,
    "\n            mutation CouponsSendQuote2($id: ID!) {\n              sendQuote(id: $id) {\n                status\n                total\n                coupon {\n                  code\n                }\n              }\n            }\n          ": typeof types.CouponsSendQuote2Document,
    "\n        mutation CouponsCreateContract2($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      ": typeof types.CouponsCreateContract2Document,
    "\n        mutation CouponsApplyCoupon7($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon7Document,
    "\n        mutation CouponsApplyCoupon8($s: ID!) {\n          applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon8Document,
    "\n        mutation CouponsApplyCoupon9($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) {\n            id\n          }\n        }\n      ": typeof types.CouponsApplyCoupon9Document,
    "\n  fragment CreditLimitsCustomerFields on Customer {\n    id\n    currency\n    creditLimit\n    creditExposure\n  }\n": typeof types.CreditLimitsCustomerFieldsFragmentDoc,
    "\n  mutation CreditLimitsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": typeof types.CreditLimitsCreateCustomerDocument,
    "\n  mutation CreditLimitsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": typeof types.CreditLimitsUpdateCustomerDocument,
    "\n  mutation CreditLimitsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...CreditLimitsCustomerFields\n      }\n    }\n  }\n": typeof types.CreditLimitsUpsertCustomerDocument,
    "\n  query CreditLimitsReadCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": typeof types.CreditLimitsReadCustomerDocument,
    "\n  mutation CreditLimitsSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.CreditLimitsSubscribeDocument,
    "\n  mutation CreditLimitsChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.CreditLimitsChangeDocument,
    "\n  mutation CreditLimitsSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      effectiveAt\n    }\n  }\n": typeof types.CreditLimitsScheduleDocument,
    "\n  query CreditLimitsInvoices($customerId: ID) {\n    invoices(customerId: $customerId) {\n      edges {\n        node {\n          id\n          status\n          total\n          amountRemaining\n        }\n      }\n    }\n  }\n": typeof types.CreditLimitsInvoicesDocument,
    "\n  mutation CreditLimitsPay($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreditLimitsPayDocument,
    "\n  mutation CreditLimitsCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n    }\n  }\n": typeof types.CreditLimitsCreateQuoteDocument,
    "\n  mutation CreditLimitsSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n      total\n    }\n  }\n": typeof types.CreditLimitsSendQuoteDocument,
    "\n  mutation CreditLimitsAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      id\n    }\n  }\n": typeof types.CreditLimitsAcceptQuoteDocument,
    "\n  query CreditLimitsReadQuote($id: ID!) {\n    quote(id: $id) {\n      status\n    }\n  }\n": typeof types.CreditLimitsReadQuoteDocument,
    "\n  query CreditLimitsOverLimit($filter: CustomerFilter) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n          creditLimit\n          creditExposure\n        }\n      }\n    }\n  }\n": typeof types.CreditLimitsOverLimitDocument,
    "\n  mutation CreditLimitsPortalSession($customerId: ID!) {\n    createPortalSession(customerId: $customerId, returnUrl: \"https://shop.example.com/\") {\n      url\n    }\n  }\n": typeof types.CreditLimitsPortalSessionDocument,
    "\n  mutation CreditLimitsSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      allowSelfServiceQuantityChange\n    }\n  }\n": typeof types.CreditLimitsSettingsDocument,
    "\n  fragment CreditNoteFields on CreditNote {\n    id\n    number\n    currency\n    reason\n    subtotal\n    tax\n    total\n    createdAt\n    invoice {\n      id\n      amountCredited\n      amountDue\n    }\n    customer {\n      id\n    }\n    lines {\n      invoiceLineId\n      description\n      amount\n      tax\n    }\n  }\n": typeof types.CreditNoteFieldsFragmentDoc,
    "\n  fragment CreditedInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    tax\n    amountDue\n    amountCredited\n    voidedAt\n    lines {\n      id\n      amount\n      tax\n      proration\n    }\n    creditNotes {\n      id\n      number\n      total\n      lines {\n        invoiceLineId\n        amount\n        tax\n      }\n    }\n  }\n": typeof types.CreditedInvoiceFieldsFragmentDoc,
    "\n  mutation CreditNotesCreate($input: CreateCreditNoteInput!) {\n    createCreditNote(input: $input) {\n      ...CreditNoteFields\n    }\n  }\n": typeof types.CreditNotesCreateDocument,
    "\n  mutation CreditNotesVoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n": typeof types.CreditNotesVoidInvoiceDocument,
    "\n  query CreditNotesInvoiceById($id: ID!) {\n    invoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n": typeof types.CreditNotesInvoiceByIdDocument,
    "\n  query CreditNotesNote($id: ID!) {\n    creditNote(id: $id) {\n      ...CreditNoteFields\n    }\n  }\n": typeof types.CreditNotesNoteDocument,
    "\n  query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n    creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          customer {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CreditNotesCreditNotesDocument,
    "\n        mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": typeof types.CreditNotesCreateApiKeyDocument,
    "\n          mutation CreditNotesChangeSubscription($id: ID!) {\n            changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) {\n              id\n            }\n          }\n        ": typeof types.CreditNotesChangeSubscriptionDocument,
    "\n        mutation CreditNotesRunBilling($at: DateTime!) {\n          runBilling(at: $at) {\n            invoicesCreated\n          }\n        }\n      ": typeof types.CreditNotesRunBillingDocument,
    "\n        query CreditNotesInvoice($id: ID!) {\n          invoice(id: $id) {\n            creditNotes {\n              id\n            }\n          }\n        }\n      ": typeof types.CreditNotesInvoiceDocument,
    "\n  query DocumentsInvoice($id: ID!, $format: DocumentFormat!) {\n    invoice(id: $id) {\n      number\n      total\n      amountDue\n      dueAt\n      documentUrl(format: $format)\n    }\n  }\n": typeof types.DocumentsInvoiceDocument,
    "\n  query DocumentsCreditNote($id: ID!, $format: DocumentFormat!) {\n    creditNote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n": typeof types.DocumentsCreditNoteDocument,
    "\n  query DocumentsQuote($id: ID!, $format: DocumentFormat!) {\n    quote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n": typeof types.DocumentsQuoteDocument,
    "\n  fragment DunningInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    amountDue\n    amountPaid\n    amountRemaining\n    paidAt\n    dueAt\n    collectionMethod\n    nextPaymentAttemptAt\n    attempts {\n      kind\n      step\n      at\n      amount\n      outcome\n      error\n      provider\n      providerReference\n    }\n  }\n": typeof types.DunningInvoiceFieldsFragmentDoc,
    "\n  fragment DunningSubscriptionFields on Subscription {\n    status\n    version\n    history {\n      type\n    }\n  }\n": typeof types.DunningSubscriptionFieldsFragmentDoc,
    "\n      mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) {\n        setDunningPolicy(input: $input) {\n          retryAfterDays\n        }\n      }\n    ": typeof types.DunningSetDunningPolicyDocument,
    "\n    mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) {\n      attachPaymentMethod(input: $input) {\n        id\n        provider\n        label\n        isDefault\n      }\n    }\n  ": typeof types.DunningAttachPaymentMethodDocument,
    "\n      mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) {\n        advanceTestClock(id: $id, to: $to) {\n          status\n        }\n      }\n    ": typeof types.DunningAdvanceTestClockDocument,
    "\n      query DunningInvoices($c: ID) {\n        invoices(customerId: $c, first: 10) {\n          edges {\n            node {\n              ...DunningInvoiceFields\n              periodStart\n            }\n          }\n        }\n      }\n    ": typeof types.DunningInvoicesDocument,
    "\n          query DunningSubscription($id: ID!) {\n            subscription(id: $id) {\n              ...DunningSubscriptionFields\n            }\n          }\n        ": typeof types.DunningSubscriptionDocument,
    "\n          query DunningPaymentMethods($c: ID!) {\n            paymentMethods(customerId: $c) {\n              id\n            }\n          }\n        ": typeof types.DunningPaymentMethodsDocument,
    "\n        mutation DunningDetachPaymentMethod($id: ID!) {\n          detachPaymentMethod(id: $id) {\n            id\n          }\n        }\n      ": typeof types.DunningDetachPaymentMethodDocument,
    "\n            query DunningPaymentMethods2($c: ID!) {\n              paymentMethods(customerId: $c) {\n                id\n              }\n            }\n          ": typeof types.DunningPaymentMethods2Document,
    "\n        mutation DunningVoidInvoice($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": typeof types.DunningVoidInvoiceDocument,
    "\n        mutation DunningCreateCreditNote($id: ID!) {\n          createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) {\n            total\n          }\n        }\n      ": typeof types.DunningCreateCreditNoteDocument,
    "\n      mutation DunningRecordPayment($input: RecordPaymentInput!) {\n        recordPayment(input: $input) {\n          status\n          amountPaid\n          amountRemaining\n          attempts {\n            kind\n            amount\n            outcome\n            providerReference\n          }\n        }\n      }\n    ": typeof types.DunningRecordPaymentDocument,
    "\n          query DunningPaymentMethods3($c: ID!) {\n            paymentMethods(customerId: $c) {\n              provider\n              label\n              isDefault\n            }\n          }\n        ": typeof types.DunningPaymentMethods3Document,
    "\n            query DunningCustomer($id: ID!) {\n              customer(id: $id) {\n                testClock {\n                  id\n                }\n              }\n            }\n          ": typeof types.DunningCustomerDocument,
    "\n        mutation DunningRecordPayment2($input: RecordPaymentInput!) {\n          recordPayment(input: $input) {\n            status\n          }\n        }\n      ": typeof types.DunningRecordPayment2Document,
    "\n          mutation DunningCreateApiKey {\n            createApiKey(input: { role: SALES, name: \"s\" }) {\n              secret\n            }\n          }\n        ": typeof types.DunningCreateApiKeyDocument,
    "\n        mutation DunningVoidInvoice2($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": typeof types.DunningVoidInvoice2Document,
    "\n        mutation DunningVoidInvoice3($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": typeof types.DunningVoidInvoice3Document,
    "\n          mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) {\n            setDunningPolicy(input: $input) {\n              retryAfterDays\n            }\n          }\n        ": typeof types.DunningSetDunningPolicy2Document,
    "\n  mutation EInvoicesSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      iban\n      bic\n    }\n  }\n": typeof types.EInvoicesSettingsDocument,
    "\n  query EInvoicesInvoice($id: ID!, $syntax: EInvoiceSyntax!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      total\n      amountDue\n      lines {\n        id\n        kind\n        amount\n      }\n      eInvoice(syntax: $syntax)\n    }\n  }\n": typeof types.EInvoicesInvoiceDocument,
    "\n  query EInvoicesCreditNote($id: ID!, $syntax: EInvoiceSyntax!) {\n    creditNote(id: $id) {\n      total\n      eInvoice(syntax: $syntax)\n    }\n  }\n": typeof types.EInvoicesCreditNoteDocument,
    "\n  query EInvoicesInvoiceIds($customerId: ID!) {\n    invoices(customerId: $customerId, first: 20) {\n      edges {\n        node {\n          id\n          status\n          lines {\n            proration\n          }\n        }\n      }\n    }\n  }\n": typeof types.EInvoicesInvoiceIdsDocument,
    "\n  mutation FeedsImport($input: ImportFeedInput!) {\n    importFeed(input: $input) {\n      type\n      applied\n      unchanged\n      rejected\n      rejections {\n        line\n        field\n        code\n        message\n        reason\n      }\n    }\n  }\n": typeof types.FeedsImportDocument,
    "\n  query FeedsProduct($system: String!, $id: String!) {\n    productByExternalId(system: $system, id: $id) {\n      code\n      name\n      kind\n      sku\n      stockPolicy\n      inventory {\n        available\n        asOf\n      }\n    }\n  }\n": typeof types.FeedsProductDocument,
    "\n  query FeedsOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      lines {\n        sku\n        quantity\n        quantityShipped\n        quantityBackordered\n      }\n      shipments {\n        externalId\n        carrier\n        trackingNumber\n        lines {\n          sku\n          quantity\n        }\n      }\n      invoices {\n        total\n      }\n    }\n  }\n": typeof types.FeedsOrderDocument,
    "\n  fragment PaymentTermsInvoiceFields on Invoice {\n    id\n    status\n    collectionMethod\n    total\n    finalizedAt\n    dueAt\n    paidAt\n    nextPaymentAttemptAt\n    amountRemaining\n    attempts {\n      kind\n      step\n      at\n      outcome\n    }\n  }\n": typeof types.PaymentTermsInvoiceFieldsFragmentDoc,
    "\n  query PaymentTermsInvoices($customerId: ID!) {\n    invoices(first: 50, customerId: $customerId) {\n      edges {\n        node {\n          ...PaymentTermsInvoiceFields\n        }\n      }\n    }\n  }\n": typeof types.PaymentTermsInvoicesDocument,
    "\n  query PaymentTermsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      paymentTermsDays\n      paymentTermsEndOfMonth\n    }\n  }\n": typeof types.PaymentTermsCustomerDocument,
    "\n  mutation PaymentTermsUpdateSellerSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      defaultPaymentTermsDays\n      defaultPaymentTermsEndOfMonth\n      invoiceDueSoonDays\n    }\n  }\n": typeof types.PaymentTermsUpdateSellerSettingsDocument,
    "\n  mutation PaymentTermsAdvanceTestClock($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      frozenTime\n      status\n    }\n  }\n": typeof types.PaymentTermsAdvanceTestClockDocument,
    "\n  mutation PaymentTermsRecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      status\n      amountRemaining\n    }\n  }\n": typeof types.PaymentTermsRecordPaymentDocument,
    "\n  query PricingPluginsKinds {\n    pricingRuleKinds {\n      kind\n      builtIn\n      configSchema\n    }\n  }\n": typeof types.PricingPluginsKindsDocument,
    "\n  mutation PricingPluginsCreatePrice($input: CreatePriceInput!) {\n    createPrice(input: $input) {\n      code\n      rule {\n        kind\n        config\n      }\n    }\n  }\n": typeof types.PricingPluginsCreatePriceDocument,
    "\n  query PricingPluginsPreview($input: PreviewQuoteInput!) {\n    previewQuote(input: $input) {\n      subtotal\n      total\n      lines {\n        priceCode\n        quantity\n        amount\n        steps\n      }\n    }\n  }\n": typeof types.PricingPluginsPreviewDocument,
    "\n  fragment PurchaseOrdersInvoice on Invoice {\n    id\n    number\n    status\n    purchaseOrderNumber\n    periodStart\n    subscription {\n      id\n    }\n    lines {\n      kind\n      proration\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersInvoiceFragmentDoc,
    "\n  mutation PurchaseOrdersCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n": typeof types.PurchaseOrdersCreateCustomerDocument,
    "\n  mutation PurchaseOrdersUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n": typeof types.PurchaseOrdersUpdateCustomerDocument,
    "\n  mutation PurchaseOrdersUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        id\n        purchaseOrderRequired\n      }\n    }\n  }\n": typeof types.PurchaseOrdersUpsertCustomerDocument,
    "\n  mutation PurchaseOrdersSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersSubscribeDocument,
    "\n  mutation PurchaseOrdersChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n      purchaseOrderNumber\n      history {\n        type\n        data\n      }\n    }\n  }\n": typeof types.PurchaseOrdersChangeDocument,
    "\n  query PurchaseOrdersPreviewChange($input: ChangeSubscriptionInput!) {\n    previewSubscriptionChange(input: $input) {\n      total\n    }\n  }\n": typeof types.PurchaseOrdersPreviewChangeDocument,
    "\n  mutation PurchaseOrdersSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      id\n    }\n  }\n": typeof types.PurchaseOrdersScheduleDocument,
    "\n  mutation PurchaseOrdersCancelNow($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n": typeof types.PurchaseOrdersCancelNowDocument,
    "\n  query PurchaseOrdersSubscription($id: ID!) {\n    subscription(id: $id) {\n      status\n      version\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersSubscriptionDocument,
    "\n  mutation PurchaseOrdersCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersCreateQuoteDocument,
    "\n  mutation PurchaseOrdersUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersUpdateQuoteDocument,
    "\n  mutation PurchaseOrdersSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PurchaseOrdersSendQuoteDocument,
    "\n  mutation PurchaseOrdersAcceptQuote($id: ID!, $purchaseOrderNumber: String) {\n    acceptQuote(id: $id, purchaseOrderNumber: $purchaseOrderNumber) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n": typeof types.PurchaseOrdersAcceptQuoteDocument,
    "\n  query PurchaseOrdersQuote($id: ID!) {\n    quote(id: $id) {\n      status\n      purchaseOrderNumber\n      subscription {\n        id\n      }\n    }\n  }\n": typeof types.PurchaseOrdersQuoteDocument,
    "\n  query PurchaseOrdersInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          ...PurchaseOrdersInvoice\n        }\n      }\n    }\n  }\n": typeof types.PurchaseOrdersInvoicesDocument,
    "\n  query PurchaseOrdersUpcoming($id: ID!) {\n    upcomingInvoice(subscriptionId: $id) {\n      purchaseOrderNumber\n      lines {\n        purchaseOrderNumber\n      }\n    }\n  }\n": typeof types.PurchaseOrdersUpcomingDocument,
    "\n  mutation PurchaseOrdersCreateClock($at: DateTime!) {\n    createTestClock(frozenTime: $at) {\n      id\n    }\n  }\n": typeof types.PurchaseOrdersCreateClockDocument,
    "\n  mutation PurchaseOrdersAdvance($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      id\n    }\n  }\n": typeof types.PurchaseOrdersAdvanceDocument,
    "\n  mutation PurchaseOrdersPortal($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://buyer.example/back\", contactId: $contact) {\n      url\n    }\n  }\n": typeof types.PurchaseOrdersPortalDocument,
    "\n  mutation PurchaseOrdersContact($c: ID!, $role: ContactRole!, $email: String!) {\n    createContact(input: { customerId: $c, name: \"Kim\", email: $email, role: $role }) {\n      id\n    }\n  }\n": typeof types.PurchaseOrdersContactDocument,
    "\n    query PurchaseOrdersGroupInvoices($c: ID) {\n      invoices(customerId: $c, first: 50) {\n        edges {\n          node {\n            id\n            periodStart\n            purchaseOrderNumber\n            lines {\n              customerId\n              purchaseOrderNumber\n            }\n          }\n        }\n      }\n    }\n  ": typeof types.PurchaseOrdersGroupInvoicesDocument,
    "\n  fragment QuoteFields on Quote {\n    id\n    status\n    currency\n    validUntil\n    trialDays\n    collection\n    subtotal\n    tax\n    total\n    notes\n    sentAt\n    acceptedAt\n    declinedAt\n    createdAt\n    customer {\n      id\n    }\n    lines {\n      priceCode\n      quantity\n      priceVersion\n      amount\n      tax\n      steps\n    }\n    subscription {\n      id\n      status\n    }\n  }\n": typeof types.QuoteFieldsFragmentDoc,
    "\n  fragment QuoteSubscriptionFields on Subscription {\n    id\n    status\n    collectionMethod\n    trialEnd\n    customer {\n      id\n    }\n    items {\n      priceCode\n      quantity\n      price {\n        code\n        version\n      }\n    }\n  }\n": typeof types.QuoteSubscriptionFieldsFragmentDoc,
    "\n  mutation QuotesCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      ...QuoteFields\n    }\n  }\n": typeof types.QuotesCreateQuoteDocument,
    "\n  mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      ...QuoteFields\n    }\n  }\n": typeof types.QuotesUpdateQuoteDocument,
    "\n  mutation QuotesSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": typeof types.QuotesSendQuoteDocument,
    "\n  mutation QuotesAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      ...QuoteSubscriptionFields\n    }\n  }\n": typeof types.QuotesAcceptQuoteDocument,
    "\n  mutation QuotesDeclineQuote($id: ID!) {\n    declineQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": typeof types.QuotesDeclineQuoteDocument,
    "\n  query QuotesQuote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": typeof types.QuotesQuoteDocument,
    "\n      mutation QuotesCreateApiKey($role: Role!, $c: ID) {\n        createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) {\n          secret\n        }\n      }\n    ": typeof types.QuotesCreateApiKeyDocument,
    "\n      query QuotesSubscriptions($c: ID) {\n        subscriptions(customerId: $c, first: 100) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    ": typeof types.QuotesSubscriptionsDocument,
    "\n      mutation QuotesArchivePrice {\n        archivePrice(code: \"old\") {\n          status\n        }\n      }\n    ": typeof types.QuotesArchivePriceDocument,
    "\n      mutation QuotesCreateContract($input: CreateContractInput!) {\n        createContract(input: $input) {\n          id\n        }\n      }\n    ": typeof types.QuotesCreateContractDocument,
    "\n        mutation QuotesUpdatePrice {\n          updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) {\n            version\n          }\n        }\n      ": typeof types.QuotesUpdatePriceDocument,
    "\n        mutation QuotesUpdatePrice2 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) {\n            version\n          }\n        }\n      ": typeof types.QuotesUpdatePrice2Document,
    "\n        mutation QuotesUpdatePrice3 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) {\n            version\n          }\n        }\n      ": typeof types.QuotesUpdatePrice3Document,
    "\n        mutation QuotesUpdatePrice4 {\n          updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) {\n            version\n          }\n        }\n      ": typeof types.QuotesUpdatePrice4Document,
    "\n          query QuotesQuotes($c: ID, $s: QuoteStatus) {\n            quotes(customerId: $c, status: $s) {\n              edges {\n                node {\n                  id\n                  status\n                }\n              }\n            }\n          }\n        ": typeof types.QuotesQuotesDocument,
    "\n        mutation QuotesArchivePrice2 {\n          archivePrice(code: \"legacy\") {\n            status\n          }\n        }\n      ": typeof types.QuotesArchivePrice2Document,
    "\n        query QuotesQuotes2($c: ID) {\n          quotes(customerId: $c) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      ": typeof types.QuotesQuotes2Document,
    "\n      query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) {\n        quotes(customerId: $c, first: 2, after: $after, status: $s) {\n          edges {\n            cursor\n            node {\n              id\n              status\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": typeof types.QuotesQuotes3Document,
    "\n  fragment SegmentCustomerFields on Customer {\n    id\n    name\n    tags\n    metadata\n  }\n": typeof types.SegmentCustomerFieldsFragmentDoc,
    "\n  mutation SegmentsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n": typeof types.SegmentsCreateCustomerDocument,
    "\n  mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n": typeof types.SegmentsUpdateCustomerDocument,
    "\n  mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...SegmentCustomerFields\n        updatedAt\n      }\n    }\n  }\n": typeof types.SegmentsUpsertCustomerDocument,
    "\n  query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n    customers(first: $first, after: $after, search: $search, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SegmentsCustomersDocument,
    "\n        mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": typeof types.SegmentsCreateApiKeyDocument,
    "\n        mutation SegmentsCancelSubscription($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      ": typeof types.SegmentsCancelSubscriptionDocument,
    "\n          mutation SegmentsCreateTestClock($at: DateTime!) {\n            createTestClock(frozenTime: $at) {\n              id\n            }\n          }\n        ": typeof types.SegmentsCreateTestClockDocument,
    "\n        mutation SegmentsCancelSubscription2($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      ": typeof types.SegmentsCancelSubscription2Document,
    "\n  query EmailDeliveries($customerId: ID, $first: Int, $after: String) {\n    emailDeliveries(customerId: $customerId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          eventType\n          status\n          attempts\n          sentAt\n          customerId\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.EmailDeliveriesDocument,
};
const documents: Documents = {
    "\n  mutation BankStatementsImport($input: ImportBankStatementInput!) {\n    importBankStatement(input: $input) {\n      id\n      statementId\n      entries\n      matched\n      unmatched {\n        id\n        amount\n        currency\n        credit\n        bookingDate\n        debtorName\n        debtorIban\n        remittanceInformation\n        reference\n        status\n        customerId\n      }\n    }\n  }\n": types.BankStatementsImportDocument,
    "\n  mutation BankStatementsAssign($id: ID!, $invoiceId: ID, $customerId: ID) {\n    assignBankEntry(id: $id, invoiceId: $invoiceId, customerId: $customerId) {\n      id\n      status\n      customerId\n    }\n  }\n": types.BankStatementsAssignDocument,
    "\n  query BankStatementsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      creditBalance\n    }\n  }\n": types.BankStatementsCustomerDocument,
    "\n  query BankStatementsInvoices($customerId: ID!) {\n    invoices(customerId: $customerId, first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          paymentReference\n          amountRemaining\n        }\n      }\n    }\n  }\n": types.BankStatementsInvoicesDocument,
    "\n  mutation BankStatementsKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n": types.BankStatementsKeyDocument,
    "\n  mutation GroupAnalyticsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": types.GroupAnalyticsCreateCustomerDocument,
    "\n  mutation GroupAnalyticsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      payer {\n        id\n      }\n    }\n  }\n": types.GroupAnalyticsUpdateCustomerDocument,
    "\n  mutation GroupAnalyticsCancel($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n": types.GroupAnalyticsCancelDocument,
    "\n  query GroupAnalyticsMetrics($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    revenueMetrics(from: $from, to: $to, interval: MONTH, currency: $currency, by: $by) {\n      periodStart\n      startMrr\n      newMrr\n      expansionMrr\n      reactivationMrr\n      contractionMrr\n      churnedMrr\n      mrr\n      arr\n      activeCustomers\n      arpa\n      logoChurnRate\n      grossRevenueRetention\n      netRevenueRetention\n    }\n  }\n": types.GroupAnalyticsMetricsDocument,
    "\n  query GroupAnalyticsCohorts($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    cohorts(from: $from, to: $to, currency: $currency, by: $by) {\n      month\n      customers\n      startMrr\n      months {\n        offset\n        customers\n        mrr\n      }\n    }\n  }\n": types.GroupAnalyticsCohortsDocument,
    "\n  query GroupAnalyticsCustomerMrr($id: ID!) {\n    customer(id: $id) {\n      own: mrr\n      rolledUp: mrr(rollUp: true)\n      inUsd: mrr(currency: \"USD\", rollUp: true)\n    }\n  }\n": types.GroupAnalyticsCustomerMrrDocument,
    "\n  query GroupAnalyticsSegment($filter: CustomerFilter!) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.GroupAnalyticsSegmentDocument,
    "\n  mutation GroupPortalCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": types.GroupPortalCreateCustomerDocument,
    "\n  query GroupPortalInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          id\n          number\n          finalizedAt\n          total\n          lines {\n            id\n            description\n            amount\n            tax\n            periodStart\n            periodEnd\n            customerId\n            subscriptionId\n            locationId\n          }\n        }\n      }\n    }\n  }\n": types.GroupPortalInvoicesDocument,
    "\n  query GroupPortalConsumption($id: ID!, $first: Int, $after: String) {\n    customer(id: $id) {\n      consumption(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            invoiceNumber\n            issuedAt\n            currency\n            kind\n            description\n            quantity\n            amount\n            tax\n            periodStart\n            periodEnd\n            subscriptionId\n            locationId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupPortalConsumptionDocument,
    "\n  query GroupPortalInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      total\n    }\n  }\n": types.GroupPortalInvoiceDocument,
    "\n  query GroupPortalParent($id: ID!) {\n    customer(id: $id) {\n      id\n    }\n  }\n": types.GroupPortalParentDocument,
    "\n  mutation GroupPortalSession($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://shop.example.com/account\", contactId: $contact) {\n      url\n    }\n  }\n": types.GroupPortalSessionDocument,
    "\n  fragment CouponFields on Coupon {\n    id\n    code\n    name\n    percentOff\n    amountOff\n    currency\n    duration\n    durationInMonths\n    appliesToPriceCodes\n    maxRedemptions\n    timesRedeemed\n    redeemBy\n  }\n": types.CouponFieldsFragmentDoc,
    "\n  fragment CouponDiscountFields on Discount {\n    id\n    startsAt\n    endsAt\n    endedAt\n    consumedAt\n    promotionCode\n    coupon {\n      code\n    }\n    customer {\n      id\n    }\n    subscription {\n      id\n    }\n  }\n": types.CouponDiscountFieldsFragmentDoc,
    "\n      mutation CouponsCreateCoupon($input: CreateCouponInput!) {\n        createCoupon(input: $input) {\n          ...CouponFields\n        }\n      }\n    ": types.CouponsCreateCouponDocument,
    "\n      mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) {\n        createPromotionCode(input: $input) {\n          id\n          code\n          maxRedemptions\n          timesRedeemed\n          expiresAt\n          coupon {\n            code\n          }\n          customer {\n            id\n          }\n        }\n      }\n    ": types.CouponsCreatePromotionCodeDocument,
    "\n      mutation CouponsApplyCoupon($input: ApplyCouponInput!) {\n        applyCoupon(input: $input) {\n          ...CouponDiscountFields\n        }\n      }\n    ": types.CouponsApplyCouponDocument,
    "\n        mutation CouponsCreateApiKey {\n          createApiKey(input: { role: SALES, name: \"sales\" }) {\n            secret\n          }\n        }\n      ": types.CouponsCreateApiKeyDocument,
    "\n          mutation CouponsCreateApiKey2($c: ID!) {\n            createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) {\n              secret\n            }\n          }\n        ": types.CouponsCreateApiKey2Document,
    "\n            query CouponsCoupon {\n              coupon(code: \"SPRING20\") {\n                code\n              }\n            }\n          ": types.CouponsCouponDocument,
    "\n        mutation CouponsApplyCoupon2($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon2Document,
    "\n        mutation CouponsCreateContract($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      ": types.CouponsCreateContractDocument,
    "\n        query CouponsSubscription($id: ID!) {\n          subscription(id: $id) {\n            discount {\n              ...CouponDiscountFields\n            }\n          }\n        }\n      ": types.CouponsSubscriptionDocument,
    "\n          query CouponsSubscription2($id: ID!) {\n            subscription(id: $id) {\n              discount {\n                consumedAt\n              }\n            }\n          }\n        ": types.CouponsSubscription2Document,
    "\n            query CouponsSubscription3($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  endsAt\n                }\n              }\n            }\n          ": types.CouponsSubscription3Document,
    "\n            query CouponsCustomer($id: ID!) {\n              customer(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          ": types.CouponsCustomerDocument,
    "\n        mutation CouponsApplyCoupon3($input: ApplyCouponInput!) {\n          applyCoupon(input: $input) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon3Document,
    "\n        mutation CouponsChangeSubscription($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) {\n            id\n          }\n        }\n      ": types.CouponsChangeSubscriptionDocument,
    "\n        mutation CouponsChangeSubscription2($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) {\n            id\n          }\n        }\n      ": types.CouponsChangeSubscription2Document,
    "\n            query CouponsSubscription4($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          ": types.CouponsSubscription4Document,
    "\n          mutation CouponsRemoveDiscount($id: ID!) {\n            removeDiscount(id: $id) {\n              endedAt\n            }\n          }\n        ": types.CouponsRemoveDiscountDocument,
    "\n            mutation CouponsRemoveDiscount2($id: ID!) {\n              removeDiscount(id: $id) {\n                id\n              }\n            }\n          ": types.CouponsRemoveDiscount2Document,
    "\n        query CouponsPreviewQuote($input: PreviewQuoteInput!) {\n          previewQuote(input: $input) {\n            subtotal\n            tax\n            total\n            lines {\n              kind\n              priceCode\n              amount\n              tax\n              couponCode\n              steps\n            }\n          }\n        }\n      ": types.CouponsPreviewQuoteDocument,
    "\n          mutation CouponsAcceptQuote($id: ID!) {\n            acceptQuote(id: $id) {\n              id\n              discount {\n                coupon {\n                  code\n                }\n                startsAt\n              }\n            }\n          }\n        ": types.CouponsAcceptQuoteDocument,
    "\n        mutation CouponsApplyCoupon4($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon4Document,
    "\n          mutation CouponsApplyCoupon5($s: ID!) {\n            applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) {\n              id\n            }\n          }\n        ": types.CouponsApplyCoupon5Document,
    "\n        mutation CouponsRemoveDiscount3($id: ID!) {\n          removeDiscount(id: $id) {\n            id\n          }\n        }\n      ": types.CouponsRemoveDiscount3Document,
    "\n          mutation CouponsCreateQuote($input: CreateQuoteInput!) {\n            createQuote(input: $input) {\n              id\n            }\n          }\n        ": types.CouponsCreateQuoteDocument,
    "\n        mutation CouponsApplyCoupon6($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon6Document,
    "\n        mutation CouponsSendQuote($id: ID!) {\n          sendQuote(id: $id) {\n            id\n          }\n        }\n      ": types.CouponsSendQuoteDocument,
    "\n            query CouponsQuote($id: ID!) {\n              quote(id: $id) {\n                status\n                total\n              }\n            }\n          ": types.CouponsQuoteDocument,
    "\n        mutation CouponsUpdateQuote($id: ID!) {\n          updateQuote(id: $id, input: { couponCode: null }) {\n            id\n          }\n        }\n      ": types.CouponsUpdateQuoteDocument,
    "\n            mutation CouponsSendQuote2($id: ID!) {\n              sendQuote(id: $id) {\n                status\n                total\n                coupon {\n                  code\n                }\n              }\n            }\n          ": types.CouponsSendQuote2Document,
    "\n        mutation CouponsCreateContract2($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      ": types.CouponsCreateContract2Document,
    "\n        mutation CouponsApplyCoupon7($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon7Document,
    "\n        mutation CouponsApplyCoupon8($s: ID!) {\n          applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon8Document,
    "\n        mutation CouponsApplyCoupon9($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) {\n            id\n          }\n        }\n      ": types.CouponsApplyCoupon9Document,
    "\n  fragment CreditLimitsCustomerFields on Customer {\n    id\n    currency\n    creditLimit\n    creditExposure\n  }\n": types.CreditLimitsCustomerFieldsFragmentDoc,
    "\n  mutation CreditLimitsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": types.CreditLimitsCreateCustomerDocument,
    "\n  mutation CreditLimitsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": types.CreditLimitsUpdateCustomerDocument,
    "\n  mutation CreditLimitsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...CreditLimitsCustomerFields\n      }\n    }\n  }\n": types.CreditLimitsUpsertCustomerDocument,
    "\n  query CreditLimitsReadCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n": types.CreditLimitsReadCustomerDocument,
    "\n  mutation CreditLimitsSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.CreditLimitsSubscribeDocument,
    "\n  mutation CreditLimitsChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n    }\n  }\n": types.CreditLimitsChangeDocument,
    "\n  mutation CreditLimitsSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      effectiveAt\n    }\n  }\n": types.CreditLimitsScheduleDocument,
    "\n  query CreditLimitsInvoices($customerId: ID) {\n    invoices(customerId: $customerId) {\n      edges {\n        node {\n          id\n          status\n          total\n          amountRemaining\n        }\n      }\n    }\n  }\n": types.CreditLimitsInvoicesDocument,
    "\n  mutation CreditLimitsPay($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreditLimitsPayDocument,
    "\n  mutation CreditLimitsCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n    }\n  }\n": types.CreditLimitsCreateQuoteDocument,
    "\n  mutation CreditLimitsSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n      total\n    }\n  }\n": types.CreditLimitsSendQuoteDocument,
    "\n  mutation CreditLimitsAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      id\n    }\n  }\n": types.CreditLimitsAcceptQuoteDocument,
    "\n  query CreditLimitsReadQuote($id: ID!) {\n    quote(id: $id) {\n      status\n    }\n  }\n": types.CreditLimitsReadQuoteDocument,
    "\n  query CreditLimitsOverLimit($filter: CustomerFilter) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n          creditLimit\n          creditExposure\n        }\n      }\n    }\n  }\n": types.CreditLimitsOverLimitDocument,
    "\n  mutation CreditLimitsPortalSession($customerId: ID!) {\n    createPortalSession(customerId: $customerId, returnUrl: \"https://shop.example.com/\") {\n      url\n    }\n  }\n": types.CreditLimitsPortalSessionDocument,
    "\n  mutation CreditLimitsSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      allowSelfServiceQuantityChange\n    }\n  }\n": types.CreditLimitsSettingsDocument,
    "\n  fragment CreditNoteFields on CreditNote {\n    id\n    number\n    currency\n    reason\n    subtotal\n    tax\n    total\n    createdAt\n    invoice {\n      id\n      amountCredited\n      amountDue\n    }\n    customer {\n      id\n    }\n    lines {\n      invoiceLineId\n      description\n      amount\n      tax\n    }\n  }\n": types.CreditNoteFieldsFragmentDoc,
    "\n  fragment CreditedInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    tax\n    amountDue\n    amountCredited\n    voidedAt\n    lines {\n      id\n      amount\n      tax\n      proration\n    }\n    creditNotes {\n      id\n      number\n      total\n      lines {\n        invoiceLineId\n        amount\n        tax\n      }\n    }\n  }\n": types.CreditedInvoiceFieldsFragmentDoc,
    "\n  mutation CreditNotesCreate($input: CreateCreditNoteInput!) {\n    createCreditNote(input: $input) {\n      ...CreditNoteFields\n    }\n  }\n": types.CreditNotesCreateDocument,
    "\n  mutation CreditNotesVoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n": types.CreditNotesVoidInvoiceDocument,
    "\n  query CreditNotesInvoiceById($id: ID!) {\n    invoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n": types.CreditNotesInvoiceByIdDocument,
    "\n  query CreditNotesNote($id: ID!) {\n    creditNote(id: $id) {\n      ...CreditNoteFields\n    }\n  }\n": types.CreditNotesNoteDocument,
    "\n  query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n    creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          customer {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CreditNotesCreditNotesDocument,
    "\n        mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": types.CreditNotesCreateApiKeyDocument,
    "\n          mutation CreditNotesChangeSubscription($id: ID!) {\n            changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) {\n              id\n            }\n          }\n        ": types.CreditNotesChangeSubscriptionDocument,
    "\n        mutation CreditNotesRunBilling($at: DateTime!) {\n          runBilling(at: $at) {\n            invoicesCreated\n          }\n        }\n      ": types.CreditNotesRunBillingDocument,
    "\n        query CreditNotesInvoice($id: ID!) {\n          invoice(id: $id) {\n            creditNotes {\n              id\n            }\n          }\n        }\n      ": types.CreditNotesInvoiceDocument,
    "\n  query DocumentsInvoice($id: ID!, $format: DocumentFormat!) {\n    invoice(id: $id) {\n      number\n      total\n      amountDue\n      dueAt\n      documentUrl(format: $format)\n    }\n  }\n": types.DocumentsInvoiceDocument,
    "\n  query DocumentsCreditNote($id: ID!, $format: DocumentFormat!) {\n    creditNote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n": types.DocumentsCreditNoteDocument,
    "\n  query DocumentsQuote($id: ID!, $format: DocumentFormat!) {\n    quote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n": types.DocumentsQuoteDocument,
    "\n  fragment DunningInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    amountDue\n    amountPaid\n    amountRemaining\n    paidAt\n    dueAt\n    collectionMethod\n    nextPaymentAttemptAt\n    attempts {\n      kind\n      step\n      at\n      amount\n      outcome\n      error\n      provider\n      providerReference\n    }\n  }\n": types.DunningInvoiceFieldsFragmentDoc,
    "\n  fragment DunningSubscriptionFields on Subscription {\n    status\n    version\n    history {\n      type\n    }\n  }\n": types.DunningSubscriptionFieldsFragmentDoc,
    "\n      mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) {\n        setDunningPolicy(input: $input) {\n          retryAfterDays\n        }\n      }\n    ": types.DunningSetDunningPolicyDocument,
    "\n    mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) {\n      attachPaymentMethod(input: $input) {\n        id\n        provider\n        label\n        isDefault\n      }\n    }\n  ": types.DunningAttachPaymentMethodDocument,
    "\n      mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) {\n        advanceTestClock(id: $id, to: $to) {\n          status\n        }\n      }\n    ": types.DunningAdvanceTestClockDocument,
    "\n      query DunningInvoices($c: ID) {\n        invoices(customerId: $c, first: 10) {\n          edges {\n            node {\n              ...DunningInvoiceFields\n              periodStart\n            }\n          }\n        }\n      }\n    ": types.DunningInvoicesDocument,
    "\n          query DunningSubscription($id: ID!) {\n            subscription(id: $id) {\n              ...DunningSubscriptionFields\n            }\n          }\n        ": types.DunningSubscriptionDocument,
    "\n          query DunningPaymentMethods($c: ID!) {\n            paymentMethods(customerId: $c) {\n              id\n            }\n          }\n        ": types.DunningPaymentMethodsDocument,
    "\n        mutation DunningDetachPaymentMethod($id: ID!) {\n          detachPaymentMethod(id: $id) {\n            id\n          }\n        }\n      ": types.DunningDetachPaymentMethodDocument,
    "\n            query DunningPaymentMethods2($c: ID!) {\n              paymentMethods(customerId: $c) {\n                id\n              }\n            }\n          ": types.DunningPaymentMethods2Document,
    "\n        mutation DunningVoidInvoice($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": types.DunningVoidInvoiceDocument,
    "\n        mutation DunningCreateCreditNote($id: ID!) {\n          createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) {\n            total\n          }\n        }\n      ": types.DunningCreateCreditNoteDocument,
    "\n      mutation DunningRecordPayment($input: RecordPaymentInput!) {\n        recordPayment(input: $input) {\n          status\n          amountPaid\n          amountRemaining\n          attempts {\n            kind\n            amount\n            outcome\n            providerReference\n          }\n        }\n      }\n    ": types.DunningRecordPaymentDocument,
    "\n          query DunningPaymentMethods3($c: ID!) {\n            paymentMethods(customerId: $c) {\n              provider\n              label\n              isDefault\n            }\n          }\n        ": types.DunningPaymentMethods3Document,
    "\n            query DunningCustomer($id: ID!) {\n              customer(id: $id) {\n                testClock {\n                  id\n                }\n              }\n            }\n          ": types.DunningCustomerDocument,
    "\n        mutation DunningRecordPayment2($input: RecordPaymentInput!) {\n          recordPayment(input: $input) {\n            status\n          }\n        }\n      ": types.DunningRecordPayment2Document,
    "\n          mutation DunningCreateApiKey {\n            createApiKey(input: { role: SALES, name: \"s\" }) {\n              secret\n            }\n          }\n        ": types.DunningCreateApiKeyDocument,
    "\n        mutation DunningVoidInvoice2($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": types.DunningVoidInvoice2Document,
    "\n        mutation DunningVoidInvoice3($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      ": types.DunningVoidInvoice3Document,
    "\n          mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) {\n            setDunningPolicy(input: $input) {\n              retryAfterDays\n            }\n          }\n        ": types.DunningSetDunningPolicy2Document,
    "\n  mutation EInvoicesSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      iban\n      bic\n    }\n  }\n": types.EInvoicesSettingsDocument,
    "\n  query EInvoicesInvoice($id: ID!, $syntax: EInvoiceSyntax!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      total\n      amountDue\n      lines {\n        id\n        kind\n        amount\n      }\n      eInvoice(syntax: $syntax)\n    }\n  }\n": types.EInvoicesInvoiceDocument,
    "\n  query EInvoicesCreditNote($id: ID!, $syntax: EInvoiceSyntax!) {\n    creditNote(id: $id) {\n      total\n      eInvoice(syntax: $syntax)\n    }\n  }\n": types.EInvoicesCreditNoteDocument,
    "\n  query EInvoicesInvoiceIds($customerId: ID!) {\n    invoices(customerId: $customerId, first: 20) {\n      edges {\n        node {\n          id\n          status\n          lines {\n            proration\n          }\n        }\n      }\n    }\n  }\n": types.EInvoicesInvoiceIdsDocument,
    "\n  mutation FeedsImport($input: ImportFeedInput!) {\n    importFeed(input: $input) {\n      type\n      applied\n      unchanged\n      rejected\n      rejections {\n        line\n        field\n        code\n        message\n        reason\n      }\n    }\n  }\n": types.FeedsImportDocument,
    "\n  query FeedsProduct($system: String!, $id: String!) {\n    productByExternalId(system: $system, id: $id) {\n      code\n      name\n      kind\n      sku\n      stockPolicy\n      inventory {\n        available\n        asOf\n      }\n    }\n  }\n": types.FeedsProductDocument,
    "\n  query FeedsOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      lines {\n        sku\n        quantity\n        quantityShipped\n        quantityBackordered\n      }\n      shipments {\n        externalId\n        carrier\n        trackingNumber\n        lines {\n          sku\n          quantity\n        }\n      }\n      invoices {\n        total\n      }\n    }\n  }\n": types.FeedsOrderDocument,
    "\n  fragment PaymentTermsInvoiceFields on Invoice {\n    id\n    status\n    collectionMethod\n    total\n    finalizedAt\n    dueAt\n    paidAt\n    nextPaymentAttemptAt\n    amountRemaining\n    attempts {\n      kind\n      step\n      at\n      outcome\n    }\n  }\n": types.PaymentTermsInvoiceFieldsFragmentDoc,
    "\n  query PaymentTermsInvoices($customerId: ID!) {\n    invoices(first: 50, customerId: $customerId) {\n      edges {\n        node {\n          ...PaymentTermsInvoiceFields\n        }\n      }\n    }\n  }\n": types.PaymentTermsInvoicesDocument,
    "\n  query PaymentTermsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      paymentTermsDays\n      paymentTermsEndOfMonth\n    }\n  }\n": types.PaymentTermsCustomerDocument,
    "\n  mutation PaymentTermsUpdateSellerSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      defaultPaymentTermsDays\n      defaultPaymentTermsEndOfMonth\n      invoiceDueSoonDays\n    }\n  }\n": types.PaymentTermsUpdateSellerSettingsDocument,
    "\n  mutation PaymentTermsAdvanceTestClock($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      frozenTime\n      status\n    }\n  }\n": types.PaymentTermsAdvanceTestClockDocument,
    "\n  mutation PaymentTermsRecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      status\n      amountRemaining\n    }\n  }\n": types.PaymentTermsRecordPaymentDocument,
    "\n  query PricingPluginsKinds {\n    pricingRuleKinds {\n      kind\n      builtIn\n      configSchema\n    }\n  }\n": types.PricingPluginsKindsDocument,
    "\n  mutation PricingPluginsCreatePrice($input: CreatePriceInput!) {\n    createPrice(input: $input) {\n      code\n      rule {\n        kind\n        config\n      }\n    }\n  }\n": types.PricingPluginsCreatePriceDocument,
    "\n  query PricingPluginsPreview($input: PreviewQuoteInput!) {\n    previewQuote(input: $input) {\n      subtotal\n      total\n      lines {\n        priceCode\n        quantity\n        amount\n        steps\n      }\n    }\n  }\n": types.PricingPluginsPreviewDocument,
    "\n  fragment PurchaseOrdersInvoice on Invoice {\n    id\n    number\n    status\n    purchaseOrderNumber\n    periodStart\n    subscription {\n      id\n    }\n    lines {\n      kind\n      proration\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersInvoiceFragmentDoc,
    "\n  mutation PurchaseOrdersCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n": types.PurchaseOrdersCreateCustomerDocument,
    "\n  mutation PurchaseOrdersUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n": types.PurchaseOrdersUpdateCustomerDocument,
    "\n  mutation PurchaseOrdersUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        id\n        purchaseOrderRequired\n      }\n    }\n  }\n": types.PurchaseOrdersUpsertCustomerDocument,
    "\n  mutation PurchaseOrdersSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersSubscribeDocument,
    "\n  mutation PurchaseOrdersChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n      purchaseOrderNumber\n      history {\n        type\n        data\n      }\n    }\n  }\n": types.PurchaseOrdersChangeDocument,
    "\n  query PurchaseOrdersPreviewChange($input: ChangeSubscriptionInput!) {\n    previewSubscriptionChange(input: $input) {\n      total\n    }\n  }\n": types.PurchaseOrdersPreviewChangeDocument,
    "\n  mutation PurchaseOrdersSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      id\n    }\n  }\n": types.PurchaseOrdersScheduleDocument,
    "\n  mutation PurchaseOrdersCancelNow($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n": types.PurchaseOrdersCancelNowDocument,
    "\n  query PurchaseOrdersSubscription($id: ID!) {\n    subscription(id: $id) {\n      status\n      version\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersSubscriptionDocument,
    "\n  mutation PurchaseOrdersCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersCreateQuoteDocument,
    "\n  mutation PurchaseOrdersUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersUpdateQuoteDocument,
    "\n  mutation PurchaseOrdersSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n    }\n  }\n": types.PurchaseOrdersSendQuoteDocument,
    "\n  mutation PurchaseOrdersAcceptQuote($id: ID!, $purchaseOrderNumber: String) {\n    acceptQuote(id: $id, purchaseOrderNumber: $purchaseOrderNumber) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n": types.PurchaseOrdersAcceptQuoteDocument,
    "\n  query PurchaseOrdersQuote($id: ID!) {\n    quote(id: $id) {\n      status\n      purchaseOrderNumber\n      subscription {\n        id\n      }\n    }\n  }\n": types.PurchaseOrdersQuoteDocument,
    "\n  query PurchaseOrdersInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          ...PurchaseOrdersInvoice\n        }\n      }\n    }\n  }\n": types.PurchaseOrdersInvoicesDocument,
    "\n  query PurchaseOrdersUpcoming($id: ID!) {\n    upcomingInvoice(subscriptionId: $id) {\n      purchaseOrderNumber\n      lines {\n        purchaseOrderNumber\n      }\n    }\n  }\n": types.PurchaseOrdersUpcomingDocument,
    "\n  mutation PurchaseOrdersCreateClock($at: DateTime!) {\n    createTestClock(frozenTime: $at) {\n      id\n    }\n  }\n": types.PurchaseOrdersCreateClockDocument,
    "\n  mutation PurchaseOrdersAdvance($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      id\n    }\n  }\n": types.PurchaseOrdersAdvanceDocument,
    "\n  mutation PurchaseOrdersPortal($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://buyer.example/back\", contactId: $contact) {\n      url\n    }\n  }\n": types.PurchaseOrdersPortalDocument,
    "\n  mutation PurchaseOrdersContact($c: ID!, $role: ContactRole!, $email: String!) {\n    createContact(input: { customerId: $c, name: \"Kim\", email: $email, role: $role }) {\n      id\n    }\n  }\n": types.PurchaseOrdersContactDocument,
    "\n    query PurchaseOrdersGroupInvoices($c: ID) {\n      invoices(customerId: $c, first: 50) {\n        edges {\n          node {\n            id\n            periodStart\n            purchaseOrderNumber\n            lines {\n              customerId\n              purchaseOrderNumber\n            }\n          }\n        }\n      }\n    }\n  ": types.PurchaseOrdersGroupInvoicesDocument,
    "\n  fragment QuoteFields on Quote {\n    id\n    status\n    currency\n    validUntil\n    trialDays\n    collection\n    subtotal\n    tax\n    total\n    notes\n    sentAt\n    acceptedAt\n    declinedAt\n    createdAt\n    customer {\n      id\n    }\n    lines {\n      priceCode\n      quantity\n      priceVersion\n      amount\n      tax\n      steps\n    }\n    subscription {\n      id\n      status\n    }\n  }\n": types.QuoteFieldsFragmentDoc,
    "\n  fragment QuoteSubscriptionFields on Subscription {\n    id\n    status\n    collectionMethod\n    trialEnd\n    customer {\n      id\n    }\n    items {\n      priceCode\n      quantity\n      price {\n        code\n        version\n      }\n    }\n  }\n": types.QuoteSubscriptionFieldsFragmentDoc,
    "\n  mutation QuotesCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      ...QuoteFields\n    }\n  }\n": types.QuotesCreateQuoteDocument,
    "\n  mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      ...QuoteFields\n    }\n  }\n": types.QuotesUpdateQuoteDocument,
    "\n  mutation QuotesSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": types.QuotesSendQuoteDocument,
    "\n  mutation QuotesAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      ...QuoteSubscriptionFields\n    }\n  }\n": types.QuotesAcceptQuoteDocument,
    "\n  mutation QuotesDeclineQuote($id: ID!) {\n    declineQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": types.QuotesDeclineQuoteDocument,
    "\n  query QuotesQuote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteFields\n    }\n  }\n": types.QuotesQuoteDocument,
    "\n      mutation QuotesCreateApiKey($role: Role!, $c: ID) {\n        createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) {\n          secret\n        }\n      }\n    ": types.QuotesCreateApiKeyDocument,
    "\n      query QuotesSubscriptions($c: ID) {\n        subscriptions(customerId: $c, first: 100) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    ": types.QuotesSubscriptionsDocument,
    "\n      mutation QuotesArchivePrice {\n        archivePrice(code: \"old\") {\n          status\n        }\n      }\n    ": types.QuotesArchivePriceDocument,
    "\n      mutation QuotesCreateContract($input: CreateContractInput!) {\n        createContract(input: $input) {\n          id\n        }\n      }\n    ": types.QuotesCreateContractDocument,
    "\n        mutation QuotesUpdatePrice {\n          updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) {\n            version\n          }\n        }\n      ": types.QuotesUpdatePriceDocument,
    "\n        mutation QuotesUpdatePrice2 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) {\n            version\n          }\n        }\n      ": types.QuotesUpdatePrice2Document,
    "\n        mutation QuotesUpdatePrice3 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) {\n            version\n          }\n        }\n      ": types.QuotesUpdatePrice3Document,
    "\n        mutation QuotesUpdatePrice4 {\n          updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) {\n            version\n          }\n        }\n      ": types.QuotesUpdatePrice4Document,
    "\n          query QuotesQuotes($c: ID, $s: QuoteStatus) {\n            quotes(customerId: $c, status: $s) {\n              edges {\n                node {\n                  id\n                  status\n                }\n              }\n            }\n          }\n        ": types.QuotesQuotesDocument,
    "\n        mutation QuotesArchivePrice2 {\n          archivePrice(code: \"legacy\") {\n            status\n          }\n        }\n      ": types.QuotesArchivePrice2Document,
    "\n        query QuotesQuotes2($c: ID) {\n          quotes(customerId: $c) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      ": types.QuotesQuotes2Document,
    "\n      query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) {\n        quotes(customerId: $c, first: 2, after: $after, status: $s) {\n          edges {\n            cursor\n            node {\n              id\n              status\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    ": types.QuotesQuotes3Document,
    "\n  fragment SegmentCustomerFields on Customer {\n    id\n    name\n    tags\n    metadata\n  }\n": types.SegmentCustomerFieldsFragmentDoc,
    "\n  mutation SegmentsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n": types.SegmentsCreateCustomerDocument,
    "\n  mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n": types.SegmentsUpdateCustomerDocument,
    "\n  mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...SegmentCustomerFields\n        updatedAt\n      }\n    }\n  }\n": types.SegmentsUpsertCustomerDocument,
    "\n  query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n    customers(first: $first, after: $after, search: $search, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SegmentsCustomersDocument,
    "\n        mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      ": types.SegmentsCreateApiKeyDocument,
    "\n        mutation SegmentsCancelSubscription($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      ": types.SegmentsCancelSubscriptionDocument,
    "\n          mutation SegmentsCreateTestClock($at: DateTime!) {\n            createTestClock(frozenTime: $at) {\n              id\n            }\n          }\n        ": types.SegmentsCreateTestClockDocument,
    "\n        mutation SegmentsCancelSubscription2($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      ": types.SegmentsCancelSubscription2Document,
    "\n  query EmailDeliveries($customerId: ID, $first: Int, $after: String) {\n    emailDeliveries(customerId: $customerId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          eventType\n          status\n          attempts\n          sentAt\n          customerId\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.EmailDeliveriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BankStatementsImport($input: ImportBankStatementInput!) {\n    importBankStatement(input: $input) {\n      id\n      statementId\n      entries\n      matched\n      unmatched {\n        id\n        amount\n        currency\n        credit\n        bookingDate\n        debtorName\n        debtorIban\n        remittanceInformation\n        reference\n        status\n        customerId\n      }\n    }\n  }\n"): typeof import('./graphql').BankStatementsImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BankStatementsAssign($id: ID!, $invoiceId: ID, $customerId: ID) {\n    assignBankEntry(id: $id, invoiceId: $invoiceId, customerId: $customerId) {\n      id\n      status\n      customerId\n    }\n  }\n"): typeof import('./graphql').BankStatementsAssignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BankStatementsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      creditBalance\n    }\n  }\n"): typeof import('./graphql').BankStatementsCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BankStatementsInvoices($customerId: ID!) {\n    invoices(customerId: $customerId, first: 10) {\n      edges {\n        node {\n          id\n          number\n          status\n          paymentReference\n          amountRemaining\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BankStatementsInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BankStatementsKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n    }\n  }\n"): typeof import('./graphql').BankStatementsKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupAnalyticsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupAnalyticsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      payer {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsUpdateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupAnalyticsCancel($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupAnalyticsMetrics($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    revenueMetrics(from: $from, to: $to, interval: MONTH, currency: $currency, by: $by) {\n      periodStart\n      startMrr\n      newMrr\n      expansionMrr\n      reactivationMrr\n      contractionMrr\n      churnedMrr\n      mrr\n      arr\n      activeCustomers\n      arpa\n      logoChurnRate\n      grossRevenueRetention\n      netRevenueRetention\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupAnalyticsCohorts($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {\n    cohorts(from: $from, to: $to, currency: $currency, by: $by) {\n      month\n      customers\n      startMrr\n      months {\n        offset\n        customers\n        mrr\n      }\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsCohortsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupAnalyticsCustomerMrr($id: ID!) {\n    customer(id: $id) {\n      own: mrr\n      rolledUp: mrr(rollUp: true)\n      inUsd: mrr(currency: \"USD\", rollUp: true)\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsCustomerMrrDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupAnalyticsSegment($filter: CustomerFilter!) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GroupAnalyticsSegmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupPortalCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').GroupPortalCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPortalInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          id\n          number\n          finalizedAt\n          total\n          lines {\n            id\n            description\n            amount\n            tax\n            periodStart\n            periodEnd\n            customerId\n            subscriptionId\n            locationId\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GroupPortalInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPortalConsumption($id: ID!, $first: Int, $after: String) {\n    customer(id: $id) {\n      consumption(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            invoiceNumber\n            issuedAt\n            currency\n            kind\n            description\n            quantity\n            amount\n            tax\n            periodStart\n            periodEnd\n            subscriptionId\n            locationId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GroupPortalConsumptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPortalInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      total\n    }\n  }\n"): typeof import('./graphql').GroupPortalInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPortalParent($id: ID!) {\n    customer(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').GroupPortalParentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupPortalSession($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://shop.example.com/account\", contactId: $contact) {\n      url\n    }\n  }\n"): typeof import('./graphql').GroupPortalSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CouponFields on Coupon {\n    id\n    code\n    name\n    percentOff\n    amountOff\n    currency\n    duration\n    durationInMonths\n    appliesToPriceCodes\n    maxRedemptions\n    timesRedeemed\n    redeemBy\n  }\n"): typeof import('./graphql').CouponFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CouponDiscountFields on Discount {\n    id\n    startsAt\n    endsAt\n    endedAt\n    consumedAt\n    promotionCode\n    coupon {\n      code\n    }\n    customer {\n      id\n    }\n    subscription {\n      id\n    }\n  }\n"): typeof import('./graphql').CouponDiscountFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CouponsCreateCoupon($input: CreateCouponInput!) {\n        createCoupon(input: $input) {\n          ...CouponFields\n        }\n      }\n    "): typeof import('./graphql').CouponsCreateCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) {\n        createPromotionCode(input: $input) {\n          id\n          code\n          maxRedemptions\n          timesRedeemed\n          expiresAt\n          coupon {\n            code\n          }\n          customer {\n            id\n          }\n        }\n      }\n    "): typeof import('./graphql').CouponsCreatePromotionCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CouponsApplyCoupon($input: ApplyCouponInput!) {\n        applyCoupon(input: $input) {\n          ...CouponDiscountFields\n        }\n      }\n    "): typeof import('./graphql').CouponsApplyCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsCreateApiKey {\n          createApiKey(input: { role: SALES, name: \"sales\" }) {\n            secret\n          }\n        }\n      "): typeof import('./graphql').CouponsCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CouponsCreateApiKey2($c: ID!) {\n            createApiKey(input: { role: CUSTOMER, customerId: $c, name: \"c\" }) {\n              secret\n            }\n          }\n        "): typeof import('./graphql').CouponsCreateApiKey2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CouponsCoupon {\n              coupon(code: \"SPRING20\") {\n                code\n              }\n            }\n          "): typeof import('./graphql').CouponsCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon2($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"BRIEF\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsCreateContract($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsCreateContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CouponsSubscription($id: ID!) {\n          subscription(id: $id) {\n            discount {\n              ...CouponDiscountFields\n            }\n          }\n        }\n      "): typeof import('./graphql').CouponsSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query CouponsSubscription2($id: ID!) {\n            subscription(id: $id) {\n              discount {\n                consumedAt\n              }\n            }\n          }\n        "): typeof import('./graphql').CouponsSubscription2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CouponsSubscription3($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  endsAt\n                }\n              }\n            }\n          "): typeof import('./graphql').CouponsSubscription3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CouponsCustomer($id: ID!) {\n              customer(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          "): typeof import('./graphql').CouponsCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon3($input: ApplyCouponInput!) {\n          applyCoupon(input: $input) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsChangeSubscription($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"2\" }] }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsChangeSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsChangeSubscription2($id: ID!) {\n          changeSubscription(input: { id: $id, items: [{ priceCode: \"seat\", quantity: \"4\" }] }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsChangeSubscription2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CouponsSubscription4($id: ID!) {\n              subscription(id: $id) {\n                discount {\n                  id\n                }\n              }\n            }\n          "): typeof import('./graphql').CouponsSubscription4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CouponsRemoveDiscount($id: ID!) {\n            removeDiscount(id: $id) {\n              endedAt\n            }\n          }\n        "): typeof import('./graphql').CouponsRemoveDiscountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CouponsRemoveDiscount2($id: ID!) {\n              removeDiscount(id: $id) {\n                id\n              }\n            }\n          "): typeof import('./graphql').CouponsRemoveDiscount2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CouponsPreviewQuote($input: PreviewQuoteInput!) {\n          previewQuote(input: $input) {\n            subtotal\n            tax\n            total\n            lines {\n              kind\n              priceCode\n              amount\n              tax\n              couponCode\n              steps\n            }\n          }\n        }\n      "): typeof import('./graphql').CouponsPreviewQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CouponsAcceptQuote($id: ID!) {\n            acceptQuote(id: $id) {\n              id\n              discount {\n                coupon {\n                  code\n                }\n                startsAt\n              }\n            }\n          }\n        "): typeof import('./graphql').CouponsAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon4($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"EV-REP\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CouponsApplyCoupon5($s: ID!) {\n            applyCoupon(input: { subscriptionId: $s, couponCode: \"EV-REP\" }) {\n              id\n            }\n          }\n        "): typeof import('./graphql').CouponsApplyCoupon5Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsRemoveDiscount3($id: ID!) {\n          removeDiscount(id: $id) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsRemoveDiscount3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CouponsCreateQuote($input: CreateQuoteInput!) {\n            createQuote(input: $input) {\n              id\n            }\n          }\n        "): typeof import('./graphql').CouponsCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon6($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"LAST-ONE\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon6Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsSendQuote($id: ID!) {\n          sendQuote(id: $id) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CouponsQuote($id: ID!) {\n              quote(id: $id) {\n                status\n                total\n              }\n            }\n          "): typeof import('./graphql').CouponsQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsUpdateQuote($id: ID!) {\n          updateQuote(id: $id, input: { couponCode: null }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsUpdateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CouponsSendQuote2($id: ID!) {\n              sendQuote(id: $id) {\n                status\n                total\n                coupon {\n                  code\n                }\n              }\n            }\n          "): typeof import('./graphql').CouponsSendQuote2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsCreateContract2($input: CreateContractInput!) {\n          createContract(input: $input) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsCreateContract2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon7($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-REP\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon7Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon8($s: ID!) {\n          applyCoupon(input: { subscriptionId: $s, couponCode: \"B-ONCE\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon8Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CouponsApplyCoupon9($c: ID!) {\n          applyCoupon(input: { customerId: $c, couponCode: \"B-SHARED\" }) {\n            id\n          }\n        }\n      "): typeof import('./graphql').CouponsApplyCoupon9Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CreditLimitsCustomerFields on Customer {\n    id\n    currency\n    creditLimit\n    creditExposure\n  }\n"): typeof import('./graphql').CreditLimitsCustomerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n"): typeof import('./graphql').CreditLimitsCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n"): typeof import('./graphql').CreditLimitsUpdateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...CreditLimitsCustomerFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreditLimitsUpsertCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditLimitsReadCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CreditLimitsCustomerFields\n    }\n  }\n"): typeof import('./graphql').CreditLimitsReadCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').CreditLimitsSubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').CreditLimitsChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      effectiveAt\n    }\n  }\n"): typeof import('./graphql').CreditLimitsScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditLimitsInvoices($customerId: ID) {\n    invoices(customerId: $customerId) {\n      edges {\n        node {\n          id\n          status\n          total\n          amountRemaining\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CreditLimitsInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsPay($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreditLimitsPayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreditLimitsCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n      total\n    }\n  }\n"): typeof import('./graphql').CreditLimitsSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreditLimitsAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditLimitsReadQuote($id: ID!) {\n    quote(id: $id) {\n      status\n    }\n  }\n"): typeof import('./graphql').CreditLimitsReadQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditLimitsOverLimit($filter: CustomerFilter) {\n    customers(first: 100, filter: $filter) {\n      edges {\n        node {\n          id\n          creditLimit\n          creditExposure\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CreditLimitsOverLimitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsPortalSession($customerId: ID!) {\n    createPortalSession(customerId: $customerId, returnUrl: \"https://shop.example.com/\") {\n      url\n    }\n  }\n"): typeof import('./graphql').CreditLimitsPortalSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditLimitsSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      allowSelfServiceQuantityChange\n    }\n  }\n"): typeof import('./graphql').CreditLimitsSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CreditNoteFields on CreditNote {\n    id\n    number\n    currency\n    reason\n    subtotal\n    tax\n    total\n    createdAt\n    invoice {\n      id\n      amountCredited\n      amountDue\n    }\n    customer {\n      id\n    }\n    lines {\n      invoiceLineId\n      description\n      amount\n      tax\n    }\n  }\n"): typeof import('./graphql').CreditNoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CreditedInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    tax\n    amountDue\n    amountCredited\n    voidedAt\n    lines {\n      id\n      amount\n      tax\n      proration\n    }\n    creditNotes {\n      id\n      number\n      total\n      lines {\n        invoiceLineId\n        amount\n        tax\n      }\n    }\n  }\n"): typeof import('./graphql').CreditedInvoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditNotesCreate($input: CreateCreditNoteInput!) {\n    createCreditNote(input: $input) {\n      ...CreditNoteFields\n    }\n  }\n"): typeof import('./graphql').CreditNotesCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditNotesVoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n"): typeof import('./graphql').CreditNotesVoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditNotesInvoiceById($id: ID!) {\n    invoice(id: $id) {\n      ...CreditedInvoiceFields\n    }\n  }\n"): typeof import('./graphql').CreditNotesInvoiceByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditNotesNote($id: ID!) {\n    creditNote(id: $id) {\n      ...CreditNoteFields\n    }\n  }\n"): typeof import('./graphql').CreditNotesNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {\n    creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          customer {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').CreditNotesCreditNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      "): typeof import('./graphql').CreditNotesCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CreditNotesChangeSubscription($id: ID!) {\n            changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: \"seat\", quantity: \"3\" }] }) {\n              id\n            }\n          }\n        "): typeof import('./graphql').CreditNotesChangeSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation CreditNotesRunBilling($at: DateTime!) {\n          runBilling(at: $at) {\n            invoicesCreated\n          }\n        }\n      "): typeof import('./graphql').CreditNotesRunBillingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CreditNotesInvoice($id: ID!) {\n          invoice(id: $id) {\n            creditNotes {\n              id\n            }\n          }\n        }\n      "): typeof import('./graphql').CreditNotesInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentsInvoice($id: ID!, $format: DocumentFormat!) {\n    invoice(id: $id) {\n      number\n      total\n      amountDue\n      dueAt\n      documentUrl(format: $format)\n    }\n  }\n"): typeof import('./graphql').DocumentsInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentsCreditNote($id: ID!, $format: DocumentFormat!) {\n    creditNote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n"): typeof import('./graphql').DocumentsCreditNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentsQuote($id: ID!, $format: DocumentFormat!) {\n    quote(id: $id) {\n      number\n      total\n      documentUrl(format: $format)\n    }\n  }\n"): typeof import('./graphql').DocumentsQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DunningInvoiceFields on Invoice {\n    id\n    number\n    status\n    total\n    amountDue\n    amountPaid\n    amountRemaining\n    paidAt\n    dueAt\n    collectionMethod\n    nextPaymentAttemptAt\n    attempts {\n      kind\n      step\n      at\n      amount\n      outcome\n      error\n      provider\n      providerReference\n    }\n  }\n"): typeof import('./graphql').DunningInvoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DunningSubscriptionFields on Subscription {\n    status\n    version\n    history {\n      type\n    }\n  }\n"): typeof import('./graphql').DunningSubscriptionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) {\n        setDunningPolicy(input: $input) {\n          retryAfterDays\n        }\n      }\n    "): typeof import('./graphql').DunningSetDunningPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) {\n      attachPaymentMethod(input: $input) {\n        id\n        provider\n        label\n        isDefault\n      }\n    }\n  "): typeof import('./graphql').DunningAttachPaymentMethodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) {\n        advanceTestClock(id: $id, to: $to) {\n          status\n        }\n      }\n    "): typeof import('./graphql').DunningAdvanceTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query DunningInvoices($c: ID) {\n        invoices(customerId: $c, first: 10) {\n          edges {\n            node {\n              ...DunningInvoiceFields\n              periodStart\n            }\n          }\n        }\n      }\n    "): typeof import('./graphql').DunningInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DunningSubscription($id: ID!) {\n            subscription(id: $id) {\n              ...DunningSubscriptionFields\n            }\n          }\n        "): typeof import('./graphql').DunningSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DunningPaymentMethods($c: ID!) {\n            paymentMethods(customerId: $c) {\n              id\n            }\n          }\n        "): typeof import('./graphql').DunningPaymentMethodsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningDetachPaymentMethod($id: ID!) {\n          detachPaymentMethod(id: $id) {\n            id\n          }\n        }\n      "): typeof import('./graphql').DunningDetachPaymentMethodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query DunningPaymentMethods2($c: ID!) {\n              paymentMethods(customerId: $c) {\n                id\n              }\n            }\n          "): typeof import('./graphql').DunningPaymentMethods2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningVoidInvoice($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      "): typeof import('./graphql').DunningVoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningCreateCreditNote($id: ID!) {\n          createCreditNote(input: { invoiceId: $id, reason: \"goodwill\" }) {\n            total\n          }\n        }\n      "): typeof import('./graphql').DunningCreateCreditNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DunningRecordPayment($input: RecordPaymentInput!) {\n        recordPayment(input: $input) {\n          status\n          amountPaid\n          amountRemaining\n          attempts {\n            kind\n            amount\n            outcome\n            providerReference\n          }\n        }\n      }\n    "): typeof import('./graphql').DunningRecordPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DunningPaymentMethods3($c: ID!) {\n            paymentMethods(customerId: $c) {\n              provider\n              label\n              isDefault\n            }\n          }\n        "): typeof import('./graphql').DunningPaymentMethods3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query DunningCustomer($id: ID!) {\n              customer(id: $id) {\n                testClock {\n                  id\n                }\n              }\n            }\n          "): typeof import('./graphql').DunningCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningRecordPayment2($input: RecordPaymentInput!) {\n          recordPayment(input: $input) {\n            status\n          }\n        }\n      "): typeof import('./graphql').DunningRecordPayment2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation DunningCreateApiKey {\n            createApiKey(input: { role: SALES, name: \"s\" }) {\n              secret\n            }\n          }\n        "): typeof import('./graphql').DunningCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningVoidInvoice2($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      "): typeof import('./graphql').DunningVoidInvoice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation DunningVoidInvoice3($id: ID!) {\n          voidInvoice(id: $id) {\n            status\n          }\n        }\n      "): typeof import('./graphql').DunningVoidInvoice3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) {\n            setDunningPolicy(input: $input) {\n              retryAfterDays\n            }\n          }\n        "): typeof import('./graphql').DunningSetDunningPolicy2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EInvoicesSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      iban\n      bic\n    }\n  }\n"): typeof import('./graphql').EInvoicesSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EInvoicesInvoice($id: ID!, $syntax: EInvoiceSyntax!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      total\n      amountDue\n      lines {\n        id\n        kind\n        amount\n      }\n      eInvoice(syntax: $syntax)\n    }\n  }\n"): typeof import('./graphql').EInvoicesInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EInvoicesCreditNote($id: ID!, $syntax: EInvoiceSyntax!) {\n    creditNote(id: $id) {\n      total\n      eInvoice(syntax: $syntax)\n    }\n  }\n"): typeof import('./graphql').EInvoicesCreditNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EInvoicesInvoiceIds($customerId: ID!) {\n    invoices(customerId: $customerId, first: 20) {\n      edges {\n        node {\n          id\n          status\n          lines {\n            proration\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').EInvoicesInvoiceIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedsImport($input: ImportFeedInput!) {\n    importFeed(input: $input) {\n      type\n      applied\n      unchanged\n      rejected\n      rejections {\n        line\n        field\n        code\n        message\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').FeedsImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedsProduct($system: String!, $id: String!) {\n    productByExternalId(system: $system, id: $id) {\n      code\n      name\n      kind\n      sku\n      stockPolicy\n      inventory {\n        available\n        asOf\n      }\n    }\n  }\n"): typeof import('./graphql').FeedsProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedsOrder($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      lines {\n        sku\n        quantity\n        quantityShipped\n        quantityBackordered\n      }\n      shipments {\n        externalId\n        carrier\n        trackingNumber\n        lines {\n          sku\n          quantity\n        }\n      }\n      invoices {\n        total\n      }\n    }\n  }\n"): typeof import('./graphql').FeedsOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentTermsInvoiceFields on Invoice {\n    id\n    status\n    collectionMethod\n    total\n    finalizedAt\n    dueAt\n    paidAt\n    nextPaymentAttemptAt\n    amountRemaining\n    attempts {\n      kind\n      step\n      at\n      outcome\n    }\n  }\n"): typeof import('./graphql').PaymentTermsInvoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentTermsInvoices($customerId: ID!) {\n    invoices(first: 50, customerId: $customerId) {\n      edges {\n        node {\n          ...PaymentTermsInvoiceFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PaymentTermsInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentTermsCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      paymentTermsDays\n      paymentTermsEndOfMonth\n    }\n  }\n"): typeof import('./graphql').PaymentTermsCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentTermsUpdateSellerSettings($input: UpdateSellerSettingsInput!) {\n    updateSellerSettings(input: $input) {\n      defaultPaymentTermsDays\n      defaultPaymentTermsEndOfMonth\n      invoiceDueSoonDays\n    }\n  }\n"): typeof import('./graphql').PaymentTermsUpdateSellerSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentTermsAdvanceTestClock($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      frozenTime\n      status\n    }\n  }\n"): typeof import('./graphql').PaymentTermsAdvanceTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PaymentTermsRecordPayment($input: RecordPaymentInput!) {\n    recordPayment(input: $input) {\n      status\n      amountRemaining\n    }\n  }\n"): typeof import('./graphql').PaymentTermsRecordPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingPluginsKinds {\n    pricingRuleKinds {\n      kind\n      builtIn\n      configSchema\n    }\n  }\n"): typeof import('./graphql').PricingPluginsKindsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PricingPluginsCreatePrice($input: CreatePriceInput!) {\n    createPrice(input: $input) {\n      code\n      rule {\n        kind\n        config\n      }\n    }\n  }\n"): typeof import('./graphql').PricingPluginsCreatePriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricingPluginsPreview($input: PreviewQuoteInput!) {\n    previewQuote(input: $input) {\n      subtotal\n      total\n      lines {\n        priceCode\n        quantity\n        amount\n        steps\n      }\n    }\n  }\n"): typeof import('./graphql').PricingPluginsPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PurchaseOrdersInvoice on Invoice {\n    id\n    number\n    status\n    purchaseOrderNumber\n    periodStart\n    subscription {\n      id\n    }\n    lines {\n      kind\n      proration\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersInvoiceFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      id\n      purchaseOrderRequired\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersUpdateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        id\n        purchaseOrderRequired\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersUpsertCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersSubscribe($input: CreateSubscriptionInput!) {\n    createSubscription(input: $input) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersSubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersChange($input: ChangeSubscriptionInput!) {\n    changeSubscription(input: $input) {\n      id\n      version\n      purchaseOrderNumber\n      history {\n        type\n        data\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrdersPreviewChange($input: ChangeSubscriptionInput!) {\n    previewSubscriptionChange(input: $input) {\n      total\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersPreviewChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersSchedule($input: ScheduleChangeInput!) {\n    scheduleChange(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersCancelNow($id: ID!) {\n    cancelSubscription(id: $id, atPeriodEnd: false) {\n      status\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersCancelNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrdersSubscription($id: ID!) {\n    subscription(id: $id) {\n      status\n      version\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      id\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersUpdateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersAcceptQuote($id: ID!, $purchaseOrderNumber: String) {\n    acceptQuote(id: $id, purchaseOrderNumber: $purchaseOrderNumber) {\n      id\n      status\n      purchaseOrderNumber\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrdersQuote($id: ID!) {\n    quote(id: $id) {\n      status\n      purchaseOrderNumber\n      subscription {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrdersInvoices($c: ID) {\n    invoices(customerId: $c, first: 50) {\n      edges {\n        node {\n          ...PurchaseOrdersInvoice\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrdersUpcoming($id: ID!) {\n    upcomingInvoice(subscriptionId: $id) {\n      purchaseOrderNumber\n      lines {\n        purchaseOrderNumber\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersUpcomingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersCreateClock($at: DateTime!) {\n    createTestClock(frozenTime: $at) {\n      id\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersCreateClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersAdvance($id: ID!, $to: DateTime!) {\n    advanceTestClock(id: $id, to: $to) {\n      id\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersAdvanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersPortal($c: ID!, $contact: ID) {\n    createPortalSession(customerId: $c, returnUrl: \"https://buyer.example/back\", contactId: $contact) {\n      url\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersPortalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseOrdersContact($c: ID!, $role: ContactRole!, $email: String!) {\n    createContact(input: { customerId: $c, name: \"Kim\", email: $email, role: $role }) {\n      id\n    }\n  }\n"): typeof import('./graphql').PurchaseOrdersContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PurchaseOrdersGroupInvoices($c: ID) {\n      invoices(customerId: $c, first: 50) {\n        edges {\n          node {\n            id\n            periodStart\n            purchaseOrderNumber\n            lines {\n              customerId\n              purchaseOrderNumber\n            }\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PurchaseOrdersGroupInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteFields on Quote {\n    id\n    status\n    currency\n    validUntil\n    trialDays\n    collection\n    subtotal\n    tax\n    total\n    notes\n    sentAt\n    acceptedAt\n    declinedAt\n    createdAt\n    customer {\n      id\n    }\n    lines {\n      priceCode\n      quantity\n      priceVersion\n      amount\n      tax\n      steps\n    }\n    subscription {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').QuoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuoteSubscriptionFields on Subscription {\n    id\n    status\n    collectionMethod\n    trialEnd\n    customer {\n      id\n    }\n    items {\n      priceCode\n      quantity\n      price {\n        code\n        version\n      }\n    }\n  }\n"): typeof import('./graphql').QuoteSubscriptionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotesCreateQuote($input: CreateQuoteInput!) {\n    createQuote(input: $input) {\n      ...QuoteFields\n    }\n  }\n"): typeof import('./graphql').QuotesCreateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {\n    updateQuote(id: $id, input: $input) {\n      ...QuoteFields\n    }\n  }\n"): typeof import('./graphql').QuotesUpdateQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotesSendQuote($id: ID!) {\n    sendQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n"): typeof import('./graphql').QuotesSendQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotesAcceptQuote($id: ID!) {\n    acceptQuote(id: $id) {\n      ...QuoteSubscriptionFields\n    }\n  }\n"): typeof import('./graphql').QuotesAcceptQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotesDeclineQuote($id: ID!) {\n    declineQuote(id: $id) {\n      ...QuoteFields\n    }\n  }\n"): typeof import('./graphql').QuotesDeclineQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotesQuote($id: ID!) {\n    quote(id: $id) {\n      ...QuoteFields\n    }\n  }\n"): typeof import('./graphql').QuotesQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation QuotesCreateApiKey($role: Role!, $c: ID) {\n        createApiKey(input: { role: $role, customerId: $c, name: \"k\" }) {\n          secret\n        }\n      }\n    "): typeof import('./graphql').QuotesCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query QuotesSubscriptions($c: ID) {\n        subscriptions(customerId: $c, first: 100) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    "): typeof import('./graphql').QuotesSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation QuotesArchivePrice {\n        archivePrice(code: \"old\") {\n          status\n        }\n      }\n    "): typeof import('./graphql').QuotesArchivePriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation QuotesCreateContract($input: CreateContractInput!) {\n        createContract(input: $input) {\n          id\n        }\n      }\n    "): typeof import('./graphql').QuotesCreateContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation QuotesUpdatePrice {\n          updatePrice(code: \"pro\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"25.00\" } } }) {\n            version\n          }\n        }\n      "): typeof import('./graphql').QuotesUpdatePriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation QuotesUpdatePrice2 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"11.00\" } } }) {\n            version\n          }\n        }\n      "): typeof import('./graphql').QuotesUpdatePrice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation QuotesUpdatePrice3 {\n          updatePrice(code: \"seat\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"10.00\" } } }) {\n            version\n          }\n        }\n      "): typeof import('./graphql').QuotesUpdatePrice3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation QuotesUpdatePrice4 {\n          updatePrice(code: \"team\", input: { rule: { kind: \"per_unit\", config: { unitAmount: \"8.00\" } } }) {\n            version\n          }\n        }\n      "): typeof import('./graphql').QuotesUpdatePrice4Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query QuotesQuotes($c: ID, $s: QuoteStatus) {\n            quotes(customerId: $c, status: $s) {\n              edges {\n                node {\n                  id\n                  status\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql').QuotesQuotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation QuotesArchivePrice2 {\n          archivePrice(code: \"legacy\") {\n            status\n          }\n        }\n      "): typeof import('./graphql').QuotesArchivePrice2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query QuotesQuotes2($c: ID) {\n          quotes(customerId: $c) {\n            edges {\n              node {\n                id\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql').QuotesQuotes2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) {\n        quotes(customerId: $c, first: 2, after: $after, status: $s) {\n          edges {\n            cursor\n            node {\n              id\n              status\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    "): typeof import('./graphql').QuotesQuotes3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SegmentCustomerFields on Customer {\n    id\n    name\n    tags\n    metadata\n  }\n"): typeof import('./graphql').SegmentCustomerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentsCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n"): typeof import('./graphql').SegmentsCreateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...SegmentCustomerFields\n    }\n  }\n"): typeof import('./graphql').SegmentsUpdateCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      outcome\n      customer {\n        ...SegmentCustomerFields\n        updatedAt\n      }\n    }\n  }\n"): typeof import('./graphql').SegmentsUpsertCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {\n    customers(first: $first, after: $after, search: $search, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SegmentsCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) {\n          createApiKey(input: $input) {\n            secret\n          }\n        }\n      "): typeof import('./graphql').SegmentsCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SegmentsCancelSubscription($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      "): typeof import('./graphql').SegmentsCancelSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation SegmentsCreateTestClock($at: DateTime!) {\n            createTestClock(frozenTime: $at) {\n              id\n            }\n          }\n        "): typeof import('./graphql').SegmentsCreateTestClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation SegmentsCancelSubscription2($id: ID!) {\n          cancelSubscription(id: $id, atPeriodEnd: false) {\n            status\n          }\n        }\n      "): typeof import('./graphql').SegmentsCancelSubscription2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailDeliveries($customerId: ID, $first: Int, $after: String) {\n    emailDeliveries(customerId: $customerId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          eventType\n          status\n          attempts\n          sentAt\n          customerId\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').EmailDeliveriesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
