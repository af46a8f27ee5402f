import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** The landmarks every page shares: header (the way home), main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <header className="site-header">
        <Link href="/" className="site-name">
          Portal de atención al ciudadano
        </Link>
      </header>
      <main id="contenido" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Sus datos personales se tratan según la política de tratamiento de datos personales que acepta al radicar.</p>
      </footer>
    </>
  );
}
