import type { PostTable } from './post-table';

/**
 * Every post's holdings laid out post after post, oldest first within a post: holdings of post `p` are
 * `first[p]` to `first[p + 1] - 1`. The metrics read them once per period in order instead of chasing links.
 */
export type HoldingsByPost = Readonly<{ first: Int32Array; from: Int32Array; until: Int32Array; kind: Uint8Array; person: Int32Array }>;

export function holdingsByPost(posts: PostTable): HoldingsByPost {
  const scratch: number[] = [];
  const first = new Int32Array(posts.size + 1);
  for (let p = 0; p < posts.size; p++) first[p + 1] = first[p] + posts.holdingsOf(p, scratch).length;
  const total = first[posts.size];
  const laid = { first, from: new Int32Array(total), until: new Int32Array(total), kind: new Uint8Array(total), person: new Int32Array(total) };
  for (let p = 0; p < posts.size; p++) {
    posts.holdingsOf(p, scratch).forEach((h, i) => {
      const j = first[p] + i;
      laid.from[j] = posts.from.get(h);
      laid.until[j] = posts.until.get(h);
      laid.kind[j] = posts.kind.get(h);
      laid.person[j] = posts.person.get(h);
    });
  }
  return laid;
}
