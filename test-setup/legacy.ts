// Legacy decorators (experimentalDecorators), as NestJS compiles; NestJS apps load reflect-metadata once at start-up.
import 'reflect-metadata';

process.env.SPEARMINT_DECORATOR_MODE = 'legacy';
