/** Turns input-schema failures into the domain's field-level ValidationError. */
import type { z } from 'zod';
import { ValidationError } from './errors';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, basePath: string[] = []): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.flatMap((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      return keys.map((key) => ({
        path: [...basePath, ...issue.path.map(String), ...(key ? [key] : [])].join('.'),
        message: issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message,
      }));
    }),
  );
}
