"use client";
// Browser side of better-auth (sign-in and sign-out from the pages).
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
