// Fees at the development HIMS (docs/fhir-mapping.md "Fees"): a ChargeItem per
// fee asked (collected or waived), a PaymentReconciliation per receipt and per
// refund, all linked to the visit's Encounter and Patient; a free visit sends
// nothing extra; a cancelled fee's ChargeItem becomes aborted; and a repeated
// push (an answer lost on the way back) makes nothing twice.
import type { ChargeItem, PaymentReconciliation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { allOf, connect, drain, syncSceneEachTest, type Encounter } from '../support/sync-fixture';
import { RAM } from '../support/temp-core';

const scene = syncSceneEachTest();

describe('fees at the HIMS', () => {
  it('sends the fee, its receipt and a refund, linked to the visit, once each', async () => {
    const hims = await scene.hims();
    const t = scene.counter('B');
    await connect(t, hims.baseUrl);
    const ram = await t.call('patients.register', RAM);
    const sita = await t.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 66 });
    // A free visit first: nothing but the Encounter goes.
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'EYE' });
    await t.call('fees.saveSchedule', {
      departmentCode: '*',
      newPaise: 1000,
      revisitPaise: 500,
      followUpPaise: 0,
      validityDays: 15,
    });
    const paid = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      payment: { method: 'upi', amountPaise: 1000, upiRef: '412345678901' },
    });
    const waived = await t.call('tokens.issue', {
      patientId: sita.id,
      departmentCode: 'MED',
      feeCategory: 'bpl',
      exemptionProof: { type: 'bpl_card', number: 'DL/BPL/2291' },
    });
    await t.call('fees.refund', {
      receiptId: paid.fee!.receipt!.id,
      kind: 'refund',
      amountPaise: 400,
      method: 'upi',
      reason: 'Charged the new fee for a revisit',
    });
    await drain(t);

    const charges = await allOf<ChargeItem>(hims, 'ChargeItem');
    expect(charges).toHaveLength(2);
    const encounters = await allOf<Encounter>(hims, 'Encounter');
    expect(encounters).toHaveLength(3);
    const encounterOf = (tokenId: string) =>
      encounters.find((e) => e.identifier?.some((i) => i.value === `urn:uuid:${tokenId}`))!;
    const byToken = (tokenId: string) => charges.find((c) => c.context?.reference === `Encounter/${encounterOf(tokenId).id}`)!;
    const paidItem = byToken(paid.id);
    expect(paidItem).toMatchObject({ status: 'billed', priceOverride: { value: 10, currency: 'INR' } });
    expect(paidItem.subject.reference).toBe(encounterOf(paid.id).subject?.reference);
    const waivedItem = byToken(waived.id);
    expect(waivedItem).toMatchObject({ status: 'not-billable', factorOverride: 0, overrideReason: 'BPL' });
    expect(JSON.stringify(waivedItem.extension)).toContain('DL/BPL/2291');

    const payments = await allOf<PaymentReconciliation>(hims, 'PaymentReconciliation');
    expect(payments).toHaveLength(2);
    const receipt = payments.find((p) => p.identifier?.some((i) => i.system === SYSTEMS.receiptNumber))!;
    expect(receipt.identifier?.[0]?.value).toBe('B/2026-27/000001');
    expect(receipt).toMatchObject({
      paymentAmount: { value: 10, currency: 'INR' },
      paymentIdentifier: { value: '412345678901' },
    });
    expect(receipt.detail?.[0]?.request?.reference).toBe(`ChargeItem/${paidItem.id}`);
    const refund = payments.find((p) => p.identifier?.some((i) => i.system === SYSTEMS.refundNumber))!;
    expect(refund).toMatchObject({ paymentAmount: { value: -4, currency: 'INR' } });
    expect(refund.detail?.[0]?.predecessor?.value).toBe('B/2026-27/000001');

    // Everything sent is marked so; a second round sends nothing and the HIMS holds no twins.
    expect(t.count('outbox WHERE sent_at IS NULL')).toBe(0);
    t.core.db.prepare('UPDATE outbox SET sent_at = NULL').run();
    t.core.db.prepare('DELETE FROM sync_remote').run();
    await drain(t);
    expect(await allOf<ChargeItem>(hims, 'ChargeItem')).toHaveLength(2);
    expect(await allOf<PaymentReconciliation>(hims, 'PaymentReconciliation')).toHaveLength(2);
    expect(await allOf<Encounter>(hims, 'Encounter')).toHaveLength(3);
  });

  it('withdraws a cancelled fee at the HIMS: the ChargeItem is aborted, the cancellation is a payment out', async () => {
    const hims = await scene.hims();
    const t = scene.counter('C');
    await connect(t, hims.baseUrl);
    await t.call('fees.saveSchedule', {
      departmentCode: 'ENT',
      newPaise: 2000,
      revisitPaise: 2000,
      followUpPaise: 0,
      validityDays: 0,
    });
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'ENT',
      payment: { method: 'cash', amountPaise: 2000 },
    });
    await drain(t);
    expect((await allOf<ChargeItem>(hims, 'ChargeItem'))[0]?.status).toBe('billed');
    await t.call('fees.refund', {
      receiptId: token.fee!.receipt!.id,
      kind: 'cancellation',
      method: 'cash',
      reason: 'Wrong patient',
    });
    await drain(t);
    const [item] = await allOf<ChargeItem>(hims, 'ChargeItem');
    expect(item).toMatchObject({ status: 'aborted' });
    expect(item?.meta?.versionId).toBeDefined();
    const out = (await allOf<PaymentReconciliation>(hims, 'PaymentReconciliation')).find((p) => (p.paymentAmount.value ?? 0) < 0);
    expect(out?.paymentAmount.value).toBe(-20);
    expect(out?.disposition).toContain('Wrong patient');
  });
});
