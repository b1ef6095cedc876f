import { NameReference } from './name-reference';
import { PostalReference } from './postal-loader';

// Module state is per thread, so each worker holds its own read-only copy, shared by every
// check of that thread (postcode and town must not load France twice).
let postal: PostalReference | undefined;
let names: NameReference | undefined;

/** The shipped postal data of this thread; countries load lazily on first use. */
export function sharedPostal(): PostalReference {
  return (postal ??= new PostalReference());
}

/** The shipped first/last name lists of this thread, loaded on first call. */
export function sharedNames(): NameReference {
  return (names ??= NameReference.load());
}

/** A check's loaded resource (`ctx.resources[check]`) if it is a PostalReference, else the shipped data. */
export function postalOf(given: unknown): PostalReference {
  return given instanceof PostalReference ? given : sharedPostal();
}

/** A check's loaded resource if it is a NameReference, else the shipped data. */
export function namesOf(given: unknown): NameReference {
  return given instanceof NameReference ? given : sharedNames();
}
