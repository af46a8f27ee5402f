import {
  caseClosure,
  caseResponse,
  caseTransfer,
  deadlineExtension,
  filingAcknowledgement,
  informationRequest,
  firstLineResolution,
  lateCounterReply,
  MailDraft,
  petitionTransfer,
  tacitWithdrawal,
  transferNoticeToRead,
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

  it('tells a customer who filed on the web (untypified) that an agent will review it, how to send documents, and names no typology', () => {
    const filed = { filingNumber: '2026-000042', verificationCode: 'K7PQ2M', kind: 'complaint' as const, subject: 'Cobro', filedAt: '2026-03-02T17:30:00-05:00', dueAt: '2026-03-24T23:59:59-05:00', legalTermDays: 15 };
    const web = render(filingAcknowledgement({ ...filed, awaitingTypification: true }, settings)).text;
    expect(web).toContain('Un asesor revisará su solicitud para clasificarla');
    expect(web).toContain('enviar documentos, responda a este correo');
    expect(web).toContain('K7PQ2M');
    expect(web).not.toMatch(/tipolog|tipific/i);
    expect(render(filingAcknowledgement(filed, settings)).text).not.toContain('Un asesor revisará');
  });

  it('agrees the pronoun with the kind: "lo radicamos" for a reclamo, "la radicamos" for a queja', () => {
    const acknowledge = (kind: 'claim' | 'complaint') =>
      render(filingAcknowledgement({ filingNumber: '2026-000042', verificationCode: 'K7PQ2M', kind, subject: 'Cobro', filedAt: '2026-03-02T17:30:00-05:00', dueAt: '2026-03-24T23:59:59-05:00', legalTermDays: 15 }, settings)).text;
    expect(acknowledge('claim')).toContain('Hemos recibido su reclamo y lo radicamos con el número 2026-000042.');
    expect(acknowledge('complaint')).toContain('Hemos recibido su queja y la radicamos con el número 2026-000042.');
  });

  it('signs once when the company signs as its customer service area', () => {
    const mail = renderMail(informationRequest({ filingNumber: '2026-000042', message: 'Copia de la factura' }, settings), recipient, { ...settings, companyName: 'Servicio de Atención al Cliente' });
    expect(mail.text.endsWith('Cordialmente,\nServicio de Atención al Cliente\n')).toBe(true);
  });

  it('shows dates in Bogotá: an instant late on the 24th there is already the 25th in UTC', () => {
    expect(spanishDate('2026-03-24T23:59:59-05:00')).toBe('24 de marzo de 2026');
    expect(spanishDate('2026-03-25T04:59:59Z')).toBe('24 de marzo de 2026');
  });

  it('escapes every value in the HTML part and keeps it as typed in the text part', () => {
    const hostile = '<script>alert("x")</script> & <a href="http://evil">clic</a>';
    const mail = render(caseResponse({ filingNumber: '2026-000042', body: hostile, outcome: 'resolved', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('href="http://evil"');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&quot;http://evil&quot;&gt;');
    expect(mail.text).toContain(`> ${hostile}`);
  });

  it('escapes the names in the greeting and the company in the signature', () => {
    const mail = renderMail(informationRequest({ filingNumber: '2026-000042', message: 'Copia de la factura' }, settings), { filingNumber: '2026-000042', fullName: 'Ana <b>Gómez</b>' }, settings);
    expect(mail.html).toContain('Estimado(a) Ana &lt;b&gt;Gómez&lt;/b&gt;:');
  });

  it('never lets a line break into the subject (no header injection)', () => {
    const mail = render({ title: 'Hola\r\nBcc: victim@example.com', blocks: [] });
    expect(mail.subject).toBe('[2026-000042] Hola Bcc: victim@example.com');
  });

  it('keeps the line breaks of what staff wrote, quoted in text and as <br> in HTML', () => {
    const mail = render(informationRequest({ filingNumber: '2026-000042', message: 'Copia de la factura\nExtracto de febrero' }, settings));
    expect(mail.text).toContain('> Copia de la factura\n> Extracto de febrero');
    expect(mail.html).toContain('Copia de la factura<br>Extracto de febrero');
    expect(mail.text).toContain('un (1) mes');
  });

  it('tells the customer whether the response settles the case and until when to reply', () => {
    const resolved = render(caseResponse({ filingNumber: '2026-000042', body: 'Reversamos el cobro.', outcome: 'resolved', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings));
    const pending = render(caseResponse({ filingNumber: '2026-000042', body: 'Estamos revisando.', outcome: 'pending', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings));
    expect(resolved.text).toContain('damos por atendida');
    expect(pending.text).toContain('sigue en trámite');
    expect(resolved.text).toContain('hasta el 27 de marzo de 2026');
  });

  it('links the information request and the response to the page of the case, where the customer may answer on the web', () => {
    const request = render(informationRequest({ filingNumber: '2026-000042', message: 'Copia de la factura' }, settings));
    const response = render(caseResponse({ filingNumber: '2026-000042', body: 'Reversamos el cobro.', outcome: 'resolved', counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings));
    for (const mail of [request, response]) {
      expect(mail.text).toContain('o en la página de su caso');
      expect(mail.html).toContain('<a href="https://pqr.example.co/casos/2026-000042">');
    }
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

  describe('tacit withdrawal (Ley 1755 de 2015, art. 17): a reasoned decision, notified', () => {
    const mail = render(
      tacitWithdrawal({ filingNumber: '2026-000042', informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnAt: '2026-04-07T00:00:01-05:00' }),
    );

    it('says why and since when: the information request of that date went unanswered until the term ended', () => {
      expect(mail.subject).toBe('[2026-000042] Desistimiento tácito de su solicitud');
      expect(mail.text).toContain('artículo 17 de la Ley 1755 de 2015');
      expect(mail.text).toContain('El 5 de marzo de 2026 le solicitamos información');
      expect(mail.text).toContain('venció el 6 de abril de 2026');
      expect(mail.text).toContain('Fecha de esta decisión: 7 de abril de 2026');
    });

    it('says it can be contested by recurso de reposición within 10 business days, and that the customer may file again citing the number', () => {
      expect(mail.text).toContain('recurso de reposición');
      expect(mail.text).toContain('diez (10) días hábiles siguientes a la notificación');
      expect(mail.text).toContain('artículo 76 de la Ley 1437 de 2011');
      expect(mail.text).toContain('nueva solicitud citando el número 2026-000042');
    });
  });

  describe('a case resolved at first line', () => {
    const mail = render(
      firstLineResolution(
        { filingNumber: '2026-000042', verificationCode: 'K7PQ2M', kind: 'inquiry', subject: 'Tarifa', filedAt: '2026-03-02T10:00:00-05:00', resolution: 'Se explicó la tarifa vigente.' },
        settings,
      ),
    );

    it('says it was resolved, with the resolution and the survey link, and promises no due date', () => {
      expect(mail.subject).toBe('[2026-000042] Hemos resuelto su consulta');
      expect(mail.text).toContain('la resolvimos durante su contacto');
      expect(mail.text).toContain('> Se explicó la tarifa vigente.');
      expect(mail.text).toContain('Estado: Resuelta en primera línea');
      expect(mail.text).toContain('https://pqr.example.co/casos/2026-000042/encuesta');
      expect(mail.text).toContain('K7PQ2M');
      expect(mail.text).not.toMatch(/Fecha máxima de respuesta|días hábiles/);
    });
  });

  describe('a transfer to the competent entity (art. 21)', () => {
    const transfer = { entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Protección al consumidor.' };

    it('tells the petitioner to which entity, why, and where the petition was sent', () => {
      const mail = render(caseTransfer(transfer));
      expect(mail.text).toContain('trasladado a Superintendencia de Industria y Comercio');
      expect(mail.text).toContain('> Protección al consumidor.');
      expect(mail.text).toContain('Le enviamos su petición a la dirección radicacion@sic.gov.co.');
    });

    it('gives the words to tell a verbal petitioner at once', () => {
      const notice = transferNoticeToRead(transfer);
      expect(notice).toContain('la trasladamos a Superintendencia de Industria y Comercio');
      expect(notice).toContain('por esta razón: Protección al consumidor.');
      expect(notice).toContain('artículo 21 de la Ley 1755 de 2015');
    });

    it('sends the entity the petition: greeting the entity, with subject, facts, request, the petitioner to answer and the reason', () => {
      const mail = render(
        petitionTransfer({
          ...transfer,
          transferredAt: '2026-03-04T10:00:00-05:00',
          filingNumber: '2026-000042',
          filedAt: '2026-03-02T10:00:00-05:00',
          channel: 'telefónico',
          subject: 'Garantía de un televisor',
          facts: 'Compré un televisor que falló.',
          request: 'Hacer efectiva la garantía',
          petitioner: { fullName: 'María Rojas', documentType: 'CC', documentNumber: '1020304050', email: 'maria@example.com', phone: '+57 300 1234567' },
          attachmentNames: ['factura.pdf'],
        }),
      );
      expect(mail.subject).toBe('[2026-000042] Traslado por competencia de la petición radicada con el número 2026-000042');
      expect(mail.text.startsWith('Señores Superintendencia de Industria y Comercio:\n\n')).toBe(true);
      expect(mail.text).not.toContain('Estimado(a)');
      for (const expected of ['> Protección al consumidor.', 'Asunto: Garantía de un televisor', '> Compré un televisor que falló.', '> Hacer efectiva la garantía', 'Nombre: María Rojas', 'Documento: CC 1020304050', 'Correo electrónico: maria@example.com', 'Teléfono: +57 300 1234567', 'factura.pdf']) {
        expect(mail.text).toContain(expected);
      }
      expect(mail.text).toContain('Enviamos copia de este traslado al peticionario.');
    });
  });
});
