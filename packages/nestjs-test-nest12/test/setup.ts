// NestJS apps load reflect-metadata once at start-up; so does this suite.
import 'reflect-metadata';
