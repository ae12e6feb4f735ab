import pdfmake from 'pdfmake';
import { reportDocument } from '#shared/report/reportPack';
import { reportParts, type ReportPart } from '#shared/report/reportParts';
import { printableDefinition } from '../pdf/renderPdf';
import { addPatient, nurse, signedExam, vignette } from '../testing/clinic';
import { openTestApp } from '../testing/testApp';
import { compare, type Comparison } from './measure';

/**
 * Report parts as one PDF, through the path the app takes: load the signed exam, patient and
 * settings from SQLite, build the definition, give its text runs their fonts and bidi levels,
 * render it, deliver it through the FileSink (a file written to disk) and append the audit entry.
 * The patient's name is in Arabic, Devanagari and Chinese, so three fonts besides Noto Sans are
 * embedded (the CJK one from its 19 MB collection).
 *
 * The baseline is pdfmake rendering the same definition directly to a buffer with the same fonts:
 * the runs already split and given their fonts before timing starts. The ratio is then what the
 * app adds (loading, building the definition, the font and bidi pass, delivery, audit), not the
 * cost of the fonts themselves, which both sides pay.
 */
export async function benchReportPack(runs: number, parts: readonly ReportPart[] = reportParts): Promise<Comparison> {
  const app = openTestApp(undefined, { timeZone: 'UTC' });
  try {
    const patientId = addPatient(app, { familyName: 'حداد', givenNames: 'किरण 小明', clinicIdentifier: 'BENCH-1' });
    // V14 (previous ulcer and LOPS: IWGDF 3, NICE high) has all three parts.
    const examId = signedExam(app, patientId, '2026-11-25', vignette('V14'));
    const { reports } = app.services;
    const input = reports.input(examId);
    if (!input.ok) throw new Error(input.error.message);
    const options = { parts, largePrint: false };

    const warmup = 10;
    // pdfmake annotates the definition it lays out, so each baseline run gets a fresh copy, built
    // and given its fonts before timing starts (this also sets pdfmake's fonts once).
    const definitions = await Promise.all(
      Array.from({ length: runs + warmup }, async () => (await printableDefinition(reportDocument(input.value, options))).definition),
    );
    let next = 0;
    return await compare(
      async () => {
        const r = await reports.render({ examId, parts: [...parts], largePrint: false, combined: true, mode: 'save' }, nurse);
        if (!r.ok || r.value.deliveries.length !== 1) throw new Error(r.ok ? 'expected one file' : r.error.message);
      },
      async () => {
        const definition = definitions[next++ % definitions.length];
        if (!definition) throw new Error('no definition');
        await pdfmake.createPdf(definition).getBuffer();
      },
      runs,
      warmup,
    );
  } finally {
    app.dispose();
  }
}
