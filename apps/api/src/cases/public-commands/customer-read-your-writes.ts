import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { caseTimelineProjection, caseViewProjection } from '@app/projections';
import { ReadModelFreshness } from '@app/runtime';

/** What `GET /public/cases/:filingNumber` (the tracking page) reads. */
const TRACKING_READ_MODELS = [caseTimelineProjection.name, caseViewProjection.name];

/**
 * The customer's page reads the case right after a command and cannot ask for `?minPosition=`: a
 * customer's command answers once the tracking read shows it (at most the freshness bound), so the
 * page never shows a form just sent as still open. The command is recorded either way.
 */
@Injectable()
export class CustomerReadYourWrites {
  constructor(private readonly freshness: ReadModelFreshness) {}

  async waitFor(position: number): Promise<void> {
    try {
      await this.freshness.waitFor(position, TRACKING_READ_MODELS);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
    }
  }
}
