import 'reflect-metadata';

process.env.SPEARMINT_DECORATOR_MODE = 'legacy';
