// User administration (admins only): the list, a new user, and changes to one (disable, enable,
// reset the password, change the role). Sign-up stays closed: users exist because an admin made them.
import { z } from "zod";

export const USER_ROLES = ["MANAGER", "ADMIN"] as const;
/** The shortest password of any user (better-auth's minPasswordLength, the first admin's too). */
export const USER_PASSWORD_MIN_LENGTH = 10;

const password = z.string().min(USER_PASSWORD_MIN_LENGTH, `must be at least ${USER_PASSWORD_MIN_LENGTH} characters`).max(128, "must be at most 128 characters");

export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  portfolioCount: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const userListResponse = z.object({ users: z.array(adminUserSchema) });

export const createUserBody = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    email: z.email("must be an email address").max(254).transform((e) => e.toLowerCase()),
    role: z.enum(USER_ROLES),
    password,
  })
  .strict();
export type CreateUserBody = z.input<typeof createUserBody>;

export const userChangeBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("disable") }).strict(),
  z.object({ action: z.literal("enable") }).strict(),
  z.object({ action: z.literal("reset-password"), password }).strict(),
  z.object({ action: z.literal("set-role"), role: z.enum(USER_ROLES) }).strict(),
]);
export type UserChangeBody = z.infer<typeof userChangeBody>;

export const userParams = z.object({ userId: z.string().min(1).max(64) });

export const userResponse = z.object({ user: adminUserSchema });
