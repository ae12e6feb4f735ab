import { changed, normalFindings } from '#shared/clinical/fixtures/findingsBuilders';
import { everythingAbnormal, long, manyWarnings, reportInput, vignetteFindings } from '#shared/report/fixtures/reportInputs';
import type { ReportInput } from '#shared/report/reportInput';
import { scriptSamples } from './scriptSamples';

/**
 * The hard cases the report layout must hold with: long names (also in each script the reports print), many warnings, an
 * absent foot, a declined exam, every finding abnormal, large print, a replaced version, the
 * Ipswich Touch Test. Test support only.
 */

/** A named layout case: the input and the parts options to render it with. */
export interface LayoutCase {
  name: string;
  input: ReportInput;
  largePrint: boolean;
}

export function layoutCases(): LayoutCase[] {
  const longFamily = long('Ní Bhriain-Öztürk-Żak von Hohenzollern-Sigmaringen ', 100);
  const longGiven = long('Zoë Łucja Jürgen Maximiliana Bartholomew ', 100);
  const longSites = Array.from({ length: 20 }, (_, i) => long(`Site ${i + 1}: beneath the plantar surface of the metatarsal head, medial aspect `, 100));
  return [
    { name: 'all-abnormal', input: reportInput(everythingAbnormal()), largePrint: false },
    { name: 'all-abnormal-large-print', input: reportInput(everythingAbnormal()), largePrint: true },
    {
      name: 'long-names',
      input: reportInput(
        changed(everythingAbnormal(), (f) => {
          f.feet.right.skin = { ...f.feet.right.skin, callusSites: longSites, ulcerSites: longSites.slice(0, 8) };
          f.feet.left.deformity = { present: true, types: longSites.slice(0, 12) };
        }),
        {
          patient: { familyName: longFamily, givenNames: longGiven, clinicIdentifier: long('ID-0123456789-', 40), nationalNumber: long('9434765919 ', 40) },
          exam: { version: 3, amendmentReason: long('Corrected the right foot callus sites after the podiatrist reviewed the photographs; ', 500), signedByName: long('Dr Bartholomew Maximilian Ní Bhriain-Öztürk ', 100) },
          clinicName: long('Riverside and Northern Valleys Integrated Diabetes and Podiatry Centre ', 120),
        },
      ),
      largePrint: true,
    },
    { name: 'many-warnings', input: reportInput(manyWarnings()), largePrint: false },
    { name: 'absent-foot', input: reportInput(vignetteFindings('V17')), largePrint: false },
    {
      name: 'declined',
      input: reportInput(
        changed(normalFindings(), (f) => {
          f.examStatus = 'declined';
          f.examStatusReason = 'Patient in a hurry; will return next week';
          f.history = { previousUlcer: true, previousAmputation: 'none' };
        }),
      ),
      largePrint: false,
    },
    { name: 'superseded', input: reportInput(vignetteFindings('V36'), { exam: { state: 'superseded', version: 2, amendmentReason: 'Red-flag answers corrected' } }), largePrint: false },
    { name: 'ipswich', input: reportInput(changed(normalFindings(), (f) => {
      for (const foot of [f.feet.right, f.feet.left]) {
        delete foot.monofilament;
        foot.touchTest = { protocol: 'ipswich', sites: { toe1: 'felt', toe3: 'not_felt', toe5: { result: 'not_tested', reason: 'dressing' } } };
      }
    })), largePrint: false },
    { name: 'normal-10-site', input: reportInput(vignetteFindings('V39')), largePrint: false },
    // The longest names the patient form accepts, and a long clinic name, in every script.
    ...scriptSamples.map((sample) => ({
      name: `long-names-${sample.script.toLowerCase()}`,
      input: reportInput(vignetteFindings('V14'), {
        patient: { familyName: long(`${sample.family} `, 100), givenNames: long(`${sample.given} `, 100) },
        exam: { version: 2, amendmentReason: long(`${sample.note} `, 500) },
        clinicName: long(`${sample.clinic} `, 120),
      }),
      largePrint: false,
    })),
  ];
}
