// Tests are quiet unless asked otherwise, and never touch the developer's ./data.
process.env.LOG_LEVEL ??= 'silent';
