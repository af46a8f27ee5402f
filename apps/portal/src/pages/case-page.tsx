import { useState } from 'react';
import { Link } from 'wouter';
import type { PublicCase } from '../api/contract';
import { answerInformationRequest, sendCounterReply } from '../api/public-api';
import { CodeForm } from '../components/code-form';
import { MessageForm } from '../components/message-form';
import { Confirmation, ErrorAlert } from '../components/messages';
import { PageHeading } from '../components/page-heading';
import { Summary } from '../components/summary';
import { formatDateTime } from '../format/dates';
import { useCaseAccess } from '../session/use-case-access';

/** `/casos/:filingNumber`: the case as the customer may see it, and what they may do on it now. */
export function CasePage({ filingNumber }: { filingNumber: string }) {
  const { access, problem, loading, tryCode, reload } = useCaseAccess(filingNumber);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  if (!access) {
    return (
      <>
        <PageHeading>Consultar el caso {filingNumber}</PageHeading>
        <ErrorAlert message={problem?.message ?? null} />
        {loading ? <p role="status">Consultando…</p> : <CodeForm onCode={tryCode} busy={loading} />}
      </>
    );
  }

  const { code, view } = access;
  const sent = (message: string) => async () => {
    setConfirmation(message);
    await reload();
  };

  return (
    <>
      <PageHeading>Caso {view.filingNumber}</PageHeading>
      <ErrorAlert message={problem?.message ?? null} />
      <Confirmation message={confirmation} />
      <CaseSummary view={view} />

      {view.informationRequest && (
        <section aria-labelledby="informacion-titulo" className="card">
          <h2 id="informacion-titulo">Solicitud de información</h2>
          <p className="quoted">{view.informationRequest.message}</p>
          {view.informationRequest.answerBy && <p>Plazo para responder: {formatDateTime(view.informationRequest.answerBy)}</p>}
          {view.actions.answerInformation && (
            <MessageForm
              label="Su respuesta a la solicitud de información"
              button="Enviar información"
              send={(message, labels) => answerInformationRequest(filingNumber, code, message, labels)}
              onSent={sent('Recibimos su información. La incluimos en el caso.')}
            />
          )}
        </section>
      )}

      <section aria-labelledby="respuestas-titulo">
        <h2 id="respuestas-titulo">Respuestas</h2>
        {view.responses.length === 0 ? (
          <p>Aún no hay respuestas a esta solicitud.</p>
        ) : (
          <ol className="entries">
            {view.responses.map((response) => (
              <li key={response.at}>
                <p className="entry-date">{formatDateTime(response.at)}</p>
                <p className="quoted">{response.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {view.actions.counterReply && (
        <section aria-labelledby="contrarrespuesta-titulo" className="card">
          <h2 id="contrarrespuesta-titulo">¿No está de acuerdo con la respuesta?</h2>
          {view.counterReplyDeadline && <p>Plazo para enviar su contrarrespuesta: {formatDateTime(view.counterReplyDeadline)}</p>}
          <MessageForm
            label="Su contrarrespuesta"
            button="Enviar contrarrespuesta"
            send={(message, labels) => sendCounterReply(filingNumber, code, message, labels)}
            onSent={sent('Recibimos su contrarrespuesta. Le responderemos por correo electrónico.')}
          />
        </section>
      )}

      {view.actions.answerSurvey && (
        <p>
          <Link href={`/casos/${encodeURIComponent(view.filingNumber)}/encuesta`}>Responder la encuesta</Link>
        </p>
      )}

      <section aria-labelledby="historial-titulo">
        <h2 id="historial-titulo">Historial</h2>
        <ol className="entries">
          {view.entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <p className="entry-date">{formatDateTime(entry.at)}</p>
              <p>{entry.description}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function CaseSummary({ view }: { view: PublicCase }) {
  return (
    <Summary
      items={[
        { term: 'Estado', value: view.statusLabel, testId: 'case-status' },
        { term: 'Tipo de solicitud', value: view.kindLabel },
        { term: 'Radicado el', value: formatDateTime(view.filedAt) },
        { term: 'Fecha límite de respuesta', value: view.dueAt ? formatDateTime(view.dueAt) : 'Se fija al clasificar la solicitud' },
      ]}
    />
  );
}
