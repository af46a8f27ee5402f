import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { answerSurvey } from '../api/public-api';
import { CodeForm } from '../components/code-form';
import { TextAreaField } from '../components/fields';
import { Confirmation, ErrorAlert } from '../components/messages';
import { PageHeading } from '../components/page-heading';
import { useCaseAccess } from '../session/use-case-access';

const SCORES = [1, 2, 3, 4, 5] as const;
const LABELS = { score: 'Calificación', comment: 'Comentario (opcional)', code: 'Código de verificación' };

/** `/casos/:filingNumber/encuesta`: the satisfaction survey the closing email links to. */
export function SurveyPage({ filingNumber }: { filingNumber: string }) {
  const { access, problem, loading, tryCode } = useCaseAccess(filingNumber);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sendProblem, setSendProblem] = useState<string | null>(null);
  const [answered, setAnswered] = useState(false);
  const [busy, setBusy] = useState(false);

  const heading = <PageHeading>Encuesta de satisfacción del caso {filingNumber}</PageHeading>;
  if (!access) {
    return (
      <>
        {heading}
        <ErrorAlert message={problem?.message ?? null} />
        {loading ? <p role="status">Consultando…</p> : <CodeForm onCode={tryCode} busy={loading} />}
      </>
    );
  }

  const caseLink = (
    <p>
      <Link href={`/casos/${encodeURIComponent(filingNumber)}`}>Volver al caso</Link>
    </p>
  );
  if (answered) {
    return (
      <>
        {heading}
        <Confirmation message="Gracias por responder la encuesta" />
        {caseLink}
      </>
    );
  }
  if (!access.view.actions.answerSurvey) {
    return (
      <>
        {heading}
        <p>La encuesta de este caso no está disponible: ya fue respondida, o el caso aún no tiene una respuesta final.</p>
        {caseLink}
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setSendProblem('Elija una calificación de 1 a 5.');
      return;
    }
    setBusy(true);
    const trimmed = comment.trim();
    const result = await answerSurvey(filingNumber, { code: access.code, score, ...(trimmed && { comment: trimmed }) }, LABELS);
    setBusy(false);
    if (result.ok) setAnswered(true);
    else setSendProblem(result.problem.message);
  };

  return (
    <>
      {heading}
      <ErrorAlert message={sendProblem} />
      <form onSubmit={submit} className="stack">
        <fieldset aria-describedby="escala">
          <legend>¿Qué tan satisfecho está con la atención?</legend>
          <p className="hint" id="escala">
            1 es nada satisfecho y 5 es muy satisfecho.
          </p>
          <div className="scale">
            {SCORES.map((value) => (
              <label key={value} className="scale-option">
                <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} required />
                {value}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField label={LABELS.comment} name="comment" value={comment} onChange={(event) => setComment(event.target.value)} rows={4} />
        <button type="submit" disabled={busy}>
          Enviar encuesta
        </button>
      </form>
    </>
  );
}
