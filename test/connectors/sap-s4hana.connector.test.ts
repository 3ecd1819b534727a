import fc from 'fast-check';
import { sapS4HanaConnector } from '../../src/connectors/sap-s4hana/sap-s4hana.connector';
import type { ConnectorTarget, SyncItem } from '../../src/domain/connectors/connector';
import { Decimal, ZERO } from '../../src/pricing/decimal';
import { odataDate, SapServer, startSapServer } from '../fixtures/sap/server';

// The SAP connector alone against the EDMX-validating server (no database): what it sends after a
// crash, and what it makes of SAP's deliveries and stock whatever their shape.

const USER = 'TARIFF_COMM';
const PASSWORD = 'connector-test-password';
let server: SapServer;
let target: ConnectorTarget;

beforeAll(async () => {
  server = await startSapServer({ username: USER, password: PASSWORD });
  target = {
    connectionId: 'c',
    baseUrl: server.url,
    credentials: { username: USER, password: PASSWORD },
    settings: {
      salesOrganization: '1010',
      distributionChannel: '10',
      organizationDivision: '00',
      inventory: true,
      shipments: true,
      stockIntervalMinutes: 0,
    },
  };
});
afterAll(() => server.close());

function customerItem(tariffId: string, name: string): SyncItem {
  return {
    recordId: `r-${tariffId}`,
    recordType: 'customer',
    tariffId,
    externalId: null,
    event: {
      type: 'customer.created',
      aggregateType: 'customer',
      aggregateId: tariffId,
      customerId: tariffId,
      payload: { name, email: 'a@b.example' },
      at: new Date(),
    } as any,
    customerExternalId: null,
    customerName: null,
    mrr: null,
    parentExternalId: null,
  };
}

it('a customer sent again without its SAP id (a crash after SAP answered) finds its business partner and updates it: created once', async () => {
  const id = '7d0c9a3e-5b1f-4c2a-9e8d-0123456789ab';
  const [first] = await sapS4HanaConnector.push(target, 'customer', [customerItem(id, 'Crash AG')]);
  const [again] = await sapS4HanaConnector.push(target, 'customer', [customerItem(id, 'Crash AG renamed')]);
  expect(first).toMatchObject({ ok: true });
  expect(again).toEqual(first);
  expect(server.created.get('A_BusinessPartner')).toBe(1);
  const bp = server.get('A_BusinessPartner', (first as { externalId: string }).externalId)!;
  expect(bp.data).toMatchObject({ OrganizationBPName1: 'Crash AG renamed', BusinessPartnerIDByExtSystem: '7D0C9A3E5B1F4C2A9E8D' });
  expect(server.invalid).toEqual([]);
});

it('a write SAP refuses for want of a CSRF token is SAP unavailable (retried), wrong credentials are refused with SAP’s words', async () => {
  server.csrfDown = true;
  const [noToken] = await sapS4HanaConnector.push(target, 'customer', [customerItem('11111111-2222-3333-4444-555555555555', 'Token GmbH')]);
  server.csrfDown = false;
  expect(noToken).toMatchObject({
    ok: false,
    kind: 'unavailable',
    statusCode: 403,
    message: 'CSRF token validation failed (/IWFND/CM_BEC/000)',
  });
  const bad = { ...target, credentials: { username: USER, password: 'wrong-password' } };
  const [unauthorized] = await sapS4HanaConnector.push(bad, 'customer', [
    customerItem('11111111-2222-3333-4444-555555555555', 'Token GmbH'),
  ]);
  expect(unauthorized).toMatchObject({ ok: false, kind: 'rejected', statusCode: 401, message: 'Unauthorized (/IWFND/CM_CONSUMER/101)' });
});

const material = fc.constantFrom('TN-1', 'TN-2', 'PAPER-A4');
const quantity = fc.integer({ min: 0, max: 5000 }).map((n) => (n / 1000).toFixed(3));

it('deliveries become shipments per sales order with every material’s quantity summed, none lost, ids unique (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          items: fc.array(fc.record({ material, quantity, order: fc.constantFrom('100', '200', '300') }), { minLength: 1, maxLength: 6 }),
          day: fc.integer({ min: 1, max: 28 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      async (deliveries) => {
        server.store.delete('A_OutbDeliveryHeader');
        const expected = new Map<string, Decimal>();
        deliveries.forEach((d, n) => {
          const id = String(80000000 + n);
          server.seed('A_OutbDeliveryHeader', id, {
            DeliveryDocument: id,
            OverallGoodsMovementStatus: 'C',
            ActualGoodsMovementDate: odataDate(new Date(Date.UTC(2026, 11, d.day))),
            ActualGoodsMovementTime: 'PT08H00M00S',
            BillOfLading: '',
            to_DeliveryDocumentItem: {
              results: d.items.map((i, k) => ({
                DeliveryDocument: id,
                DeliveryDocumentItem: String((k + 1) * 10),
                Material: i.material,
                ActualDeliveryQuantity: i.quantity,
                ReferenceSDDocument: i.order,
              })),
            },
          });
          for (const i of d.items) {
            if (new Decimal(i.quantity).lte(0)) continue;
            const key = `${id}|${i.order}|${i.material}`;
            expected.set(key, (expected.get(key) ?? ZERO).plus(i.quantity));
          }
        });
        const shipments = await sapS4HanaConnector.pullShipments!(target, null);
        const got = new Map<string, Decimal>();
        for (const s of shipments) {
          const delivery = s.externalId.split('/')[0];
          for (const l of s.lines) got.set(`${delivery}|${s.orderExternalId}|${l.sku}`, new Decimal(l.quantity));
          expect(s.lines.every((l) => new Decimal(l.quantity).gt(0))).toBe(true);
        }
        expect(new Set(shipments.map((s) => s.externalId)).size).toBe(shipments.length);
        expect([...got].map(([k, v]) => [k, v.toFixed()]).sort()).toEqual([...expected].map(([k, v]) => [k, v.toFixed()]).sort());
        // Oldest first: the cursor only moves forward.
        expect(shipments.map((s) => s.modifiedAt)).toEqual([...shipments.map((s) => s.modifiedAt)].sort());
      },
    ),
    { numRuns: 25 },
  );
  expect(server.invalid).toEqual([]);
});

it('stock is summed per material over plants and storage locations, below zero as none (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          material,
          plant: fc.constantFrom('1010', '1020'),
          location: fc.constantFrom('0001', '0002'),
          qty: fc.integer({ min: -50, max: 900 }),
        }),
        {
          maxLength: 12,
        },
      ),
      async (rows) => {
        server.store.delete('A_MatlStkInAcctMod');
        const sums = new Map<string, Decimal>();
        rows.forEach((r, n) => {
          server.seed('A_MatlStkInAcctMod', String(n), {
            Material: r.material,
            Plant: r.plant,
            StorageLocation: r.location,
            InventoryStockType: '01',
            MatlWrhsStkQtyInMatlBaseUnit: `${r.qty}.000`,
          });
          sums.set(r.material, (sums.get(r.material) ?? ZERO).plus(r.qty));
        });
        const { levels } = await sapS4HanaConnector.pullInventory!(target, null);
        expect(levels.map((l) => [l.sku, l.available]).sort()).toEqual(
          [...sums].map(([m, q]) => [m, Decimal.max(q, ZERO).toFixed()]).sort(),
        );
      },
    ),
    { numRuns: 25 },
  );
  expect(server.invalid).toEqual([]);
});
