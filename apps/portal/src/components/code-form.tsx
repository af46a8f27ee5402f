import { useState, type FormEvent } from 'react';
import { TextField } from './fields';

export const CODE_LABEL = 'Código de verificación';

/** The verification code a case's page asks for when this tab does not know it yet. */
export function CodeForm({ onCode, busy }: { onCode: (code: string) => Promise<void>; busy: boolean }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onCode(code.trim());
  };
  return (
    <form onSubmit={submit} className="stack">
      <TextField
        label={CODE_LABEL}
        name="code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="Lo encuentra en el correo con el que le confirmamos la radicación."
      />
      <button type="submit" disabled={busy}>
        Consultar
      </button>
    </form>
  );
}
