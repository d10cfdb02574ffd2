import { z } from 'zod';
import { USER_ROLES } from '../../../domain/access/policy.js';
import { cleanText, Email } from '../../../domain/company/company.js';

export const Password = cleanText(256, 10);
export const UserCreateBody = z.strictObject({ email: Email, name: cleanText(200), role: z.enum(USER_ROLES), password: Password.optional() });
export const UserPatchBody = z.strictObject({ role: z.enum(USER_ROLES).optional(), disabled: z.boolean().optional() });
