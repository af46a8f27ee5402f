import { Link } from 'wouter';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>Página no encontrada</PageHeading>
      <p>
        La dirección no corresponde a ninguna página del portal. <Link href="/">Ir al inicio</Link>
      </p>
    </>
  );
}
