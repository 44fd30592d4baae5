import { Injectable } from '@nestjs/common';

/** Splits ticket text into lower-case words. */
@Injectable()
export class Tokenizer {
  words(text: string): string[] {
    return text.toLowerCase().match(/[a-z']+/g) ?? [];
  }
}
