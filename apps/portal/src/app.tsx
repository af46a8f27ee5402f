import { Route, Switch } from 'wouter';
import { Layout } from './components/layout';
import { CasePage } from './pages/case-page';
import { FilingPage } from './pages/filing-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { SurveyPage } from './pages/survey-page';

/** The portal's pages (their paths are the ones the customer emails link to; the API serves them, apps/api/src/portal). */
export function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/">
          <HomePage />
        </Route>
        <Route path="/radicar">
          <FilingPage />
        </Route>
        <Route path="/casos/:filingNumber/encuesta">{(params) => <SurveyPage key={params.filingNumber} filingNumber={params.filingNumber} />}</Route>
        <Route path="/casos/:filingNumber">{(params) => <CasePage key={params.filingNumber} filingNumber={params.filingNumber} />}</Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Layout>
  );
}
