import { describe, expect, it } from 'vitest';
import { signInConfigFromEnv } from './sign-in-config.js';

describe('sign-in settings from the environment', () => {
  it('reads the session timeouts, and leaves the defaults when unset', () => {
    expect(signInConfigFromEnv({})).toEqual({});
    expect(signInConfigFromEnv({ CLOSER_SESSION_IDLE_MINUTES: '15', CLOSER_SESSION_ABSOLUTE_HOURS: '8', CLOSER_TRUST_PROXY: '10.0.0.2' })).toEqual({
      sessionIdleMinutes: 15,
      sessionTtlHours: 8,
    });
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => signInConfigFromEnv({ CLOSER_SESSION_IDLE_MINUTES: 'soon' })).toThrow('CLOSER_SESSION_IDLE_MINUTES must be a positive number');
    expect(() => signInConfigFromEnv({ CLOSER_SESSION_ABSOLUTE_HOURS: '0' })).toThrow('CLOSER_SESSION_ABSOLUTE_HOURS');
  });
});

describe('the public origin for single sign-on', () => {
  it('reads CLOSER_PUBLIC_URL without a trailing slash, and refuses a path or query', () => {
    expect(signInConfigFromEnv({ CLOSER_PUBLIC_URL: 'https://closer.example.com/' })).toEqual({ publicUrl: 'https://closer.example.com' });
    expect(() => signInConfigFromEnv({ CLOSER_PUBLIC_URL: 'https://closer.example.com/app' })).toThrow('CLOSER_PUBLIC_URL must be an origin');
    expect(() => signInConfigFromEnv({ CLOSER_PUBLIC_URL: 'closer.example.com' })).toThrow('CLOSER_PUBLIC_URL must be an origin');
  });
});
