import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { getCase } from '../api/public-api';
import { CodeField } from '../components/code-form';
import { TextField } from '../components/fields';
import { ErrorAlert } from '../components/messages';
import { PageHeading } from '../components/page-heading';
import { rememberCode } from '../session/known-codes';

/** `/`: file a request, or look one up by filing number and verification code. */
export function HomePage() {
  const [, navigate] = useLocation();
  const [filingNumber, setFilingNumber] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    const number = filingNumber.trim();
    const typed = code.trim();
    setBusy(true);
    const result = await getCase(number, typed);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem.message);
      return;
    }
    rememberCode(number, typed);
    navigate(`/casos/${encodeURIComponent(number)}`);
  };

  return (
    <>
      <PageHeading>Atención de PQRSD</PageHeading>
      <p>Radique peticiones, quejas, reclamos, sugerencias y denuncias, y consulte en qué va su solicitud.</p>
      <section aria-labelledby="radicar-titulo" className="card">
        <h2 id="radicar-titulo">¿Tiene una nueva solicitud?</h2>
        <p>
          <Link href="/radicar" className="button-link">
            Radicar una solicitud
          </Link>
        </p>
      </section>
      <section aria-labelledby="consultar-titulo" className="card">
        <h2 id="consultar-titulo">Consultar una solicitud</h2>
        <ErrorAlert message={problem} />
        <form onSubmit={lookUp} className="stack">
          <TextField
            label="Número de radicado"
            name="filingNumber"
            value={filingNumber}
            onChange={(event) => setFilingNumber(event.target.value)}
            required
            autoComplete="off"
            hint="Por ejemplo, 2026-000042."
          />
          <CodeField value={code} onChange={setCode} />
          <button type="submit" disabled={busy}>
            Consultar
          </button>
        </form>
      </section>
    </>
  );
}
