import { useState, type FormEvent } from 'react';
import { TextField } from './fields';

const CODE_LABEL = 'Código de verificación';

/** The verification code's field, on the home page's lookup and on a case's pages. */
export function CodeField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  return (
    <TextField
      label={CODE_LABEL}
      name="code"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      hint="Lo encuentra en el correo con el que le confirmamos la radicación."
    />
  );
}

/** The verification code a case's page asks for when this tab does not know it yet. */
export function CodeForm({ onCode, busy }: { onCode: (code: string) => Promise<void>; busy: boolean }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onCode(code.trim());
  };
  return (
    <form onSubmit={submit} className="stack">
      <CodeField value={code} onChange={setCode} />
      <button type="submit" disabled={busy}>
        Consultar
      </button>
    </form>
  );
}
