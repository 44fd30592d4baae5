// NestJS apps load reflect-metadata once at start-up; so do these tests.
import 'reflect-metadata';

process.env.SPEARMINT_DECORATOR_MODE = 'legacy';
