import { randomBytes } from 'crypto';

/**
 * Jest setup for scripts/test-mongo.sh: each test file gets a database of its own on the shared
 * test server. A suite starts the app on an empty event store, so read models and checkpoints
 * left by another suite would hide its events (positions start at 1 again) or collide with its
 * filing numbers. The script's URL ends with the database name (no options), so a suffix extends it.
 */
const url = process.env.MONGODB_URL;
if (url) process.env.MONGODB_URL = `${url}_${randomBytes(4).toString('hex')}`;
