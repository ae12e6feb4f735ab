import pdfmake from 'pdfmake';
import { reportDocument } from '#shared/report/reportPack';
import { reportParts } from '#shared/report/reportParts';
import { reportFontFamily } from '../pdf/renderPdf';
import { renderReportPdf } from '../pdf/reportPdf';
import { addPatient, nurse, signedExam, vignette } from '../testing/clinic';
import { openTestApp } from '../testing/testApp';
import { compare, type Comparison } from './measure';

/**
 * The whole report pack (clinician report, patient copy, referral letter) as one PDF, through the
 * path the app takes: load the signed exam, patient and settings from SQLite, build the
 * definition, render it, deliver it through the FileSink (a file written to disk) and append the
 * audit entry. The baseline is pdfmake rendering the same definition directly to a buffer.
 */
export async function benchReportPack(runs: number): Promise<Comparison> {
  const app = openTestApp(undefined, { timeZone: 'UTC' });
  try {
    const patientId = addPatient(app, { familyName: 'Ní Bhriain', givenNames: 'Zoë', clinicIdentifier: 'BENCH-1' });
    // V14 (previous ulcer and LOPS: IWGDF 3, NICE high) has all three parts.
    const examId = signedExam(app, patientId, '2026-11-25', vignette('V14'));
    const { reports } = app.services;
    const input = reports.input(examId);
    if (!input.ok) throw new Error(input.error.message);
    const options = { parts: reportParts, largePrint: false };
    await renderReportPdf(reportDocument(input.value, options)); // sets pdfmake's fonts once

    const warmup = 10;
    // pdfmake annotates the definition it lays out, so each baseline run gets a fresh copy, built
    // before timing starts.
    const definitions = Array.from({ length: runs + warmup }, () => reportDocument(input.value, options));
    let next = 0;
    return await compare(
      async () => {
        const r = await reports.render({ examId, parts: reportParts, largePrint: false, combined: true, mode: 'save' }, nurse);
        if (!r.ok || r.value.deliveries.length !== 1) throw new Error(r.ok ? 'expected one file' : r.error.message);
      },
      async () => {
        const definition = definitions[next++ % definitions.length];
        if (!definition) throw new Error('no definition');
        await pdfmake.createPdf({ ...definition, defaultStyle: { font: reportFontFamily, ...definition.defaultStyle } }).getBuffer();
      },
      runs,
      warmup,
    );
  } finally {
    app.dispose();
  }
}
