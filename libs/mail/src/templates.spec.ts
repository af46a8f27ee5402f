import {
  caseClosure,
  caseResponse,
  caseTransfer,
  deadlineExtension,
  filingAcknowledgement,
  informationRequest,
  lateCounterReply,
  MailDraft,
  MailSettings,
  renderMail,
  spanishDate,
} from './index';

const settings: MailSettings = { companyName: 'Servicios Públicos del Valle S.A.', publicBaseUrl: 'https://pqr.example.co/', serviceLine: '601 555 0100' };
const recipient = { filingNumber: '2026-000042', fullName: 'María Rojas' };
const render = (draft: MailDraft) => renderMail(draft, recipient, settings);

describe('mail templates (es-CO)', () => {
  describe('filing acknowledgement', () => {
    const mail = render(
      filingAcknowledgement(
        {
          filingNumber: '2026-000042',
          verificationCode: 'K7PQ2M',
          kind: 'claim',
          subject: 'Cobro duplicado',
          filedAt: '2026-03-02T17:30:00-05:00',
          dueAt: '2026-03-24T23:59:59-05:00',
          legalTermDays: 15,
        },
        settings,
      ),
    );

    it('carries the filing number in the subject, and the number, code and due date in both parts', () => {
      expect(mail.subject).toBe('[2026-000042] Hemos radicado su reclamo');
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('2026-000042');
        expect(part).toContain('K7PQ2M');
        expect(part).toContain('24 de marzo de 2026');
        expect(part).toContain('15 días hábiles');
        expect(part).toContain('https://pqr.example.co/casos/2026-000042');
      }
    });

    it('greets the petitioner by name and signs with the company', () => {
      expect(mail.text.startsWith('Estimado(a) María Rojas:\n\n')).toBe(true);
      expect(mail.text).toContain('Cordialmente,\nServicios Públicos del Valle S.A.');
      expect(mail.html).toContain('<html lang="es-CO">');
    });
  });

  it('agrees the pronoun with the kind: "lo radicamos" for a reclamo, "la radicamos" for a queja', () => {
    const acknowledge = (kind: 'claim' | 'complaint') =>
      render(filingAcknowledgement({ filingNumber: '2026-000042', verificationCode: 'K7PQ2M', kind, subject: 'Cobro', filedAt: '2026-03-02T17:30:00-05:00', dueAt: '2026-03-24T23:59:59-05:00', legalTermDays: 15 }, settings)).text;
    expect(acknowledge('claim')).toContain('Hemos recibido su reclamo y lo radicamos con el número 2026-000042.');
    expect(acknowledge('complaint')).toContain('Hemos recibido su queja y la radicamos con el número 2026-000042.');
  });

  it('signs once when the company signs as its customer service area', () => {
    const mail = renderMail(informationRequest({ message: 'Copia de la factura' }), recipient, { ...settings, companyName: 'Servicio de Atención al Cliente' });
    expect(mail.text.endsWith('Cordialmente,\nServicio de Atención al Cliente\n')).toBe(true);
  });

  it('shows dates in Bogotá: an instant late on the 24th there is already the 25th in UTC', () => {
    expect(spanishDate('2026-03-24T23:59:59-05:00')).toBe('24 de marzo de 2026');
    expect(spanishDate('2026-03-25T04:59:59Z')).toBe('24 de marzo de 2026');
  });

  it('escapes every value in the HTML part and keeps it as typed in the text part', () => {
    const hostile = '<script>alert("x")</script> & <a href="http://evil">clic</a>';
    const mail = render(caseResponse({ body: hostile, outcome: 'resolved', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('href="http://evil"');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&quot;http://evil&quot;&gt;');
    expect(mail.text).toContain(`> ${hostile}`);
  });

  it('escapes the names in the greeting and the company in the signature', () => {
    const mail = renderMail(informationRequest({ message: 'Copia de la factura' }), { filingNumber: '2026-000042', fullName: 'Ana <b>Gómez</b>' }, settings);
    expect(mail.html).toContain('Estimado(a) Ana &lt;b&gt;Gómez&lt;/b&gt;:');
  });

  it('never lets a line break into the subject (no header injection)', () => {
    const mail = render({ title: 'Hola\r\nBcc: victim@example.com', blocks: [] });
    expect(mail.subject).toBe('[2026-000042] Hola Bcc: victim@example.com');
  });

  it('keeps the line breaks of what staff wrote, quoted in text and as <br> in HTML', () => {
    const mail = render(informationRequest({ message: 'Copia de la factura\nExtracto de febrero' }));
    expect(mail.text).toContain('> Copia de la factura\n> Extracto de febrero');
    expect(mail.html).toContain('Copia de la factura<br>Extracto de febrero');
    expect(mail.text).toContain('un (1) mes');
  });

  it('tells the customer whether the response settles the case and until when to reply', () => {
    const resolved = render(caseResponse({ body: 'Reversamos el cobro.', outcome: 'resolved', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }));
    const pending = render(caseResponse({ body: 'Estamos revisando.', outcome: 'pending', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }));
    expect(resolved.text).toContain('damos por atendida');
    expect(pending.text).toContain('sigue en trámite');
    expect(resolved.text).toContain('hasta el 27 de marzo de 2026');
  });

  it('gives the reasons and the new date of an extension', () => {
    const mail = render(deadlineExtension({ reason: 'Esperamos el concepto técnico.', previousDueAt: '2026-03-24T23:59:59-05:00', dueAt: '2026-04-16T23:59:59-05:00' }));
    expect(mail.subject).toBe('[2026-000042] Prórroga del plazo para responder su solicitud');
    expect(mail.text).toContain('vence el 24 de marzo de 2026');
    expect(mail.text).toContain('Esperamos el concepto técnico.');
    expect(mail.text).toContain('a más tardar el 16 de abril de 2026');
  });

  it('names the competent entity of a transfer', () => {
    const mail = render(caseTransfer({ entity: 'Superintendencia de Servicios Públicos', reason: 'Competencia de vigilancia.' }));
    expect(mail.text).toContain('trasladado a Superintendencia de Servicios Públicos');
    expect(mail.text).toContain('artículo 21 de la Ley 1755 de 2015');
  });

  it('invites to the survey on closing, with a link under the configured site', () => {
    const mail = render(caseClosure({ filingNumber: '2026-000042' }, settings));
    expect(mail.html).toContain('<a href="https://pqr.example.co/casos/2026-000042/encuesta">');
    expect(mail.text).toContain('https://pqr.example.co/casos/2026-000042/encuesta');
  });

  it('answers a reply after the window with the service line and the way to file anew', () => {
    const mail = render(lateCounterReply({ filingNumber: '2026-000042', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings));
    expect(mail.text).toContain('venció el 27 de marzo de 2026');
    expect(mail.text).toContain('601 555 0100');
    expect(mail.text).toContain('nueva solicitud citando el número 2026-000042');
  });
});
