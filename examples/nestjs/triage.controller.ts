import { BadRequestException, Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { Spearmint } from '@spearmint/nestjs';
import { ResponseTimeInterceptor } from './response-time.interceptor';
import { ShadowReport } from './shadow-report.service';
import { TriageService } from './triage.service';

@Controller('triage')
@UseInterceptors(ResponseTimeInterceptor)
export class TriageController {
  constructor(
    private readonly triageService: TriageService,
    private readonly report: ShadowReport,
    private readonly mint: Spearmint,
  ) {}

  /** Triage a ticket: `{ "text": "..." }` → main's triage; the shadows run afterwards. */
  @Post()
  @HttpCode(200)
  triage(@Body() body: { text?: unknown }) {
    if (typeof body?.text !== 'string') throw new BadRequestException('Send JSON like { "text": "the site is down" }.');
    return this.triageService.triage(body.text);
  }

  /** Every config's triages so far, and the background variant counters. */
  @Get('report')
  summary() {
    return { configs: this.report.rows(), variants: this.mint.stats() };
  }
}
