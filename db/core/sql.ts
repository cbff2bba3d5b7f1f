/** A LIKE pattern for a user's search text; use with ESCAPE '\'. */
export const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
