import { Module } from '@nestjs/common';
import { ShadowReport } from './shadow-report.service';
import { TriageSettings } from './triage-settings.service';

/** Settings and the shadow report, shared by the app and by SpearmintModule's factory. */
@Module({ providers: [TriageSettings, ShadowReport], exports: [TriageSettings, ShadowReport] })
export class ReportModule {}
