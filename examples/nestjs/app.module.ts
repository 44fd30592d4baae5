import { Module } from '@nestjs/common';
import { SpearmintModule } from '@spearmint/nestjs';
import { ReportModule } from './report.module';
import { ShadowReport } from './shadow-report.service';
import { Tokenizer } from './tokenizer.service';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';
import { TriageSettings } from './triage-settings.service';

@Module({
  imports: [
    SpearmintModule.forRootAsync({
      imports: [ReportModule],
      inject: [TriageSettings, ShadowReport],
      useFactory: (settings: TriageSettings, report: ShadowReport) => ({
        configs: settings.configs,
        shutdownDrainTimeoutMs: settings.shutdownDrainTimeoutMs,
        onResult: (result, info) => report.record(result, info),
      }),
    }),
    ReportModule,
  ],
  controllers: [TriageController],
  providers: [TriageService, Tokenizer],
})
export class AppModule {}
