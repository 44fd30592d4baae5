process.env.SPEARMINT_DECORATOR_MODE = 'standard';
