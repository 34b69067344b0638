import { describe, expect, it } from 'vitest';
import { brandingChange, previewOf } from './branding.js';

describe('the branding settings', () => {
  it('previews only a valid colour and an https logo', () => {
    expect(previewOf({ displayName: '', primaryColor: '#0F766E', logoUrl: 'https://oak.example/logo.png' }, 'Oak')).toEqual({ name: 'Oak', color: '#0F766E', logo: 'https://oak.example/logo.png' });
    expect(previewOf({ displayName: 'Oak Homes', primaryColor: 'teal', logoUrl: 'http://oak.example/logo.png' }, 'Oak')).toEqual({ name: 'Oak Homes', color: null, logo: null });
  });

  it('sends an emptied field as null', () => {
    expect(brandingChange({ displayName: ' Oak ', primaryColor: '', logoUrl: '' })).toEqual({ displayName: 'Oak', primaryColor: null, logoUrl: null });
  });
});
